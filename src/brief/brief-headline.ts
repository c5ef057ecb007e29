import type { ConditionResult } from '../analysis/conditions/condition-result.js';
import type { Headline } from './brief.js';

const VERDICT_WORDS: Record<ConditionResult['verdict'], string> = {
  met: 'Yes',
  unmet: 'No',
  unknown: 'Not known',
  'not-stated': 'Not yet stated',
};

/**
 * "1 gated visit since the condition was stated on 2018-09-20; 2 earlier visits of the same kind";
 * before it was stated, "2 visits of the kind it gates so far; it was stated on 2018-09-20".
 */
export function gatedCountText(r: ConditionResult): string {
  const n = r.gatedMoves.length;
  const noun = (k: number) => `${r.gatedNoun}${k === 1 ? '' : 's'}`;
  const m = r.movesBeforeStated.length;
  // Before the condition was stated nothing is gated yet: only moves of its kind so far.
  if (r.verdict === 'not-stated') return `${m} ${noun(m)} of the kind it gates so far; it was stated on ${r.stated}`;
  const since = r.stated ? `since the condition was stated on ${r.stated}` : 'while it was not met';
  const gated = n ? `${n} gated ${noun(n)} ${since}` : `no gated ${noun(2)} ${since}`;
  return m ? `${gated}; ${m} earlier ${noun(m)} of the same kind` : gated;
}

/** The brief's opening answer: the headline condition's verdict on the date, what is missing, what it gated. */
export function headline(r: ConditionResult, asOf: string): Headline {
  let answer = `${VERDICT_WORDS[r.verdict]}: ${r.verdict === 'not-stated' ? 'not yet stated' : r.verdict} on ${asOf}.`;
  if (r.verdict === 'not-stated')
    answer += ` The condition was stated on ${r.stated}; read as if it already applied, it would be ${r.result.verdict}.`;
  if (r.missing.length) answer += ` Missing: ${r.missing.join('; ')}.`;
  if (r.verdict !== 'not-stated') answer += ` ${capitalise(gatedCountText(r))}.`;
  else if (r.movesBeforeStated.length)
    answer += ` ${r.movesBeforeStated.length} ${r.gatedNoun}${r.movesBeforeStated.length === 1 ? '' : 's'} of the kind it gates so far.`;
  return {
    conditionId: r.id,
    question: r.question ?? `Is this condition met: ${r.title}?`,
    verdict: r.verdict,
    stated: r.stated,
    sources: r.sources,
    answer,
    evidence: r.result.evidence,
    missing: r.missing,
    gatedMoves: r.gatedMoves,
    movesBeforeStated: r.movesBeforeStated,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
