import type { ConditionResult, Evidence, GatedMove } from '../analysis/conditions/condition-result.js';
import type { ConcessionCount, ConcessionReport } from '../analysis/concessions.js';
import type { DirectionSums } from '../analysis/direction-sums.js';
import type { ReciprocityResult, ResponsePattern } from '../analysis/reciprocity.js';
import { MIN_RATIO_MOVES, type RatioInterval, type ReciprocityRatio } from '../analysis/reciprocity-ratio.js';
import type { PaceResult } from '../analysis/pace.js';
import type { PamScore, Scorecard } from '../analysis/scorecard.js';
import type { Source } from '../model/event.js';
import type { Brief, FacilitiesSummary, FacilityLine, Headline, ReciprocityWindow } from './brief.js';
import { Citations, citationText } from './citations.js';
import type { BriefStyle } from './brief-style.js';
import { indicatorsBlock } from './render-indicators.js';
import type { LateFact } from '../model/knowledge.js';
import { type Reading, readingWords } from './reading.js';

const MAX_EVIDENCE = 6;
const MAX_GATED = 8;
const MAX_UNANSWERED = 5;
const MAX_FACILITIES = 20;
const MAX_STALLS = 5;
const MAX_GAPS = 5;

function fmt(n: number, digits = 1): string {
  const s = n.toFixed(digits);
  return n > 0 ? `+${s}` : s;
}

/** The line a cut list ends with: `… and 3 more`; nothing when all `total` were shown. */
function moreLine(total: number, shown: number, s: BriefStyle, depth: number): string[] {
  return total > shown ? [s.item(`… and ${total - shown} more`, depth)] : [];
}

function evidenceLine(e: Evidence, cites: Citations): string {
  const ver = e.verification ? ` [${e.verification}]` : '';
  return `${e.date}  ${e.summary}${ver}${cites.cite(e.sources)}`;
}

/** Who argued for a condition, in full: the op-ed's title, publisher, date and link. */
function arguedIn(sources: readonly Source[], s: BriefStyle, cites: Citations): string {
  return sources
    .map((src) => (s.footnotes ? `${citationText(src, true, false)}${cites.cite([src])}` : citationText(src, false)))
    .join('; ');
}

function gatedLine(m: GatedMove): string {
  return `${m.date}  ${m.sourceCode} ${m.code} ${m.targetCode ?? '-'}  ${m.summary}${m.verdict === 'unknown' ? ' [verdict then: unknown]' : ''}`;
}

/** The gated moves made while a condition was stated and not met, then the earlier moves of the same kind, apart. */
function movesLines(
  gated: readonly GatedMove[],
  before: readonly GatedMove[],
  stated: string | null,
  s: BriefStyle,
  depth: number,
  max: number,
): string[] {
  const out: string[] = [];
  if (gated.length) {
    const since = stated ? ` since it was stated on ${stated}` : '';
    out.push(s.item(`gated moves made while it was not met${since} (${gated.length}):`, depth));
    for (const m of gated.slice(0, max)) out.push(s.item(gatedLine(m), depth + 1));
    out.push(...moreLine(gated.length, max, s, depth + 1));
  }
  if (before.length) {
    out.push(s.item(`moves of the same kind before it was stated on ${stated}, not gated (${before.length}):`, depth));
    for (const m of before.slice(0, max)) out.push(s.item(gatedLine(m), depth + 1));
    out.push(...moreLine(before.length, max, s, depth + 1));
  }
  return out;
}

function conditionBlock(c: ConditionResult, s: BriefStyle, cites: Citations, detailed: boolean): string[] {
  const out = [`${s.verdict(c.verdict)}  ${c.title} ${s.dim(`(${c.id} v${c.version})`)}`];
  if (c.sources.length) out.push(s.item(s.dim(`argued in ${arguedIn(c.sources, s, cites)}`), 1));
  for (const m of c.missing) out.push(s.item(`missing: ${m}`, 1));
  // A met condition says what holds: for a "nothing seen" rule, that nothing of the kind is on record.
  if (c.verdict === 'met') out.push(s.item(`holds: ${c.result.label}`, 1));
  const evidence = c.result.evidence.length ? c.result.evidence : (c.result.parts ?? []).flatMap((p) => p.evidence);
  if (evidence.length) {
    out.push(s.item(`evidence (${evidence.length}):`, 1));
    for (const e of evidence.slice(0, detailed ? MAX_EVIDENCE : 3)) out.push(s.item(evidenceLine(e, cites), 2));
    out.push(...moreLine(evidence.length, detailed ? MAX_EVIDENCE : 3, s, 2));
  }
  out.push(...movesLines(c.gatedMoves, c.movesBeforeStated, c.stated, s, 1, detailed ? MAX_GATED : 4));
  return out;
}

/** A Goldstein sum with the moves behind it: `+83.1 (17)`. */
function sumCell(sum: number, moves: number): string {
  return `${fmt(sum)} (${moves})`;
}

/** A verification-weighted count: weights are 1, 0.5, 0.25 by default, so their sums are exact and shown as such. */
function weightText(w: number): string {
  return String(Number(w.toFixed(2)));
}

/**
 * Decimals a ratio deserves: down to the first significant digit of its interval's half-width
 * (±0.4 → 1 decimal, ±0.04 → 2), at least 1 and at most 3; 1 without an interval.
 */
function ratioDigits(interval: RatioInterval | null): number {
  if (!interval) return 1;
  const half = (interval.high - interval.low) / 2;
  if (!(half > 0)) return 3;
  return Math.min(3, Math.max(1, -Math.floor(Math.log10(half))));
}

/** One side's ratio in words: the value (only when both sides made enough moves), the interval, the counts. */
function ratioText(r: ReciprocityRatio, side: string, other: string, kind: string): string {
  const got = r.receivedMoves
    ? `got ${fmt(r.received)} over ${r.receivedMoves} ${plural(r.receivedMoves, 'move')} from ${other}`
    : `got nothing from ${other}`;
  const counts = `${got} for ${fmt(r.given)} over ${r.givenMoves} given`;
  if (r.value === null) return `${side}: no ratio (${side} gave no ${kind}; ${got})`;
  if (!r.enoughMoves)
    return `${side}: too few moves for a ratio (${counts}; a ratio needs ${MIN_RATIO_MOVES} on each side)`;
  const d = ratioDigits(r.interval);
  const interval = r.interval
    ? ` (95% interval ${r.interval.low.toFixed(d)}–${r.interval.high.toFixed(d)})`
    : r.intervalReason
      ? ` (no interval: ${r.intervalReason})`
      : '';
  return `${side}: ${r.value.toFixed(d)}${interval}; ${counts}`;
}

function plural(n: number, word: string): string {
  if (n === 1) return word;
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

function concessionRows(r: ReciprocityResult): string[][] {
  const ca = r.aToB.concessions;
  const cb = r.bToA.concessions;
  if (!ca || !cb) return [];
  const tally = (c: ConcessionCount): string => `${c.count} (${weightText(c.weighted)})`;
  const open = (c: ConcessionReport): string =>
    `${c.unanswered.length}${c.unansweredOpen ? ` (${c.unansweredOpen} still open)` : ''}`;
  return [
    ['yields: moves (verification-weighted)', tally(ca.tally.yields), tally(cb.tally.yields)],
    ['intents to yield: moves (weighted)', tally(ca.tally.intentsToYield), tally(cb.tally.intentsToYield)],
    [`unanswered within ${r.settings.answerWithinDays} days`, open(ca), open(cb)],
  ];
}

function ratioLines(r: ReciprocityResult, s: BriefStyle): string[] {
  const { a, b } = r.ratios;
  const out = [
    s.item('functional reciprocity (material cooperation received ÷ given, Goldstein sums):'),
    s.item(ratioText(a.functional, a.side, b.side, 'material cooperation'), 1),
    s.item(ratioText(b.functional, b.side, a.side, 'material cooperation'), 1),
    s.item('verbal reciprocity (verbal cooperation received ÷ given):'),
    s.item(ratioText(a.verbal, a.side, b.side, 'verbal cooperation'), 1),
    s.item(ratioText(b.verbal, b.side, a.side, 'verbal cooperation'), 1),
  ];
  const shown = [a.functional, a.verbal].flatMap((x) => (x.enoughMoves && x.interval ? [x.interval] : []));
  const methods = [...new Set(shown.map((i) => i.method))];
  for (const m of methods) {
    const i = shown.find((x) => x.method === m)!;
    out.push(s.item(s.dim(`intervals: ${m}; ${i.resamples.toLocaleString('en')} resamples, seed ${i.seed}`), 1));
  }
  return out;
}

function unansweredLines(r: ReciprocityResult, s: BriefStyle): string[] {
  const out: string[] = [];
  for (const [who, c] of [
    [r.aToB.from, r.aToB.concessions],
    [r.bToA.from, r.bToA.concessions],
  ] as const) {
    if (!c || c.unanswered.length === 0) continue;
    out.push(
      s.item(
        `${who}'s concessions with no material cooperation back within ${r.settings.answerWithinDays} days (${c.unanswered.length}):`,
      ),
    );
    for (const u of c.unanswered.slice(0, MAX_UNANSWERED)) {
      out.push(
        s.item(`${u.date}  ${u.code} ${u.summary ?? ''} [${u.verification}]${u.open ? ' (still open)' : ''}`, 1),
      );
    }
    if (c.unanswered.length > MAX_UNANSWERED) out.push(s.item(`… and ${c.unanswered.length - MAX_UNANSWERED} more`, 1));
  }
  return out;
}

function responseLine(resp: ResponsePattern): string {
  const fit = resp.regression.fit;
  const reading = fit
    ? fit.reading
    : `No pattern can be read in how ${resp.follower} answers ${resp.leader}: ${resp.regression.reason}.`;
  const r1 = resp.crossCorrelation.lags.find((l) => l.lag === 1);
  if (!r1 || r1.r === null) return `${reading} Lag-1 correlation: n/a${r1?.reason ? ` (${r1.reason})` : ''}.`;
  const bar = 2 / Math.sqrt(r1.n);
  const sign = Math.abs(r1.r) < bar ? 'within' : 'beyond';
  return `${reading} Lag-1 correlation r₁ = ${r1.r.toFixed(2)} over ${r1.n} weeks (${sign} the rough bar ±2/√n = ${bar.toFixed(2)}).`;
}

function reciprocityBlock(
  r: ReciprocityResult,
  w: Pick<ReciprocityWindow, 'counted' | 'note'>,
  s: BriefStyle,
  of = '',
): string[] {
  const a = r.dyad.a.join('+');
  const b = r.dyad.b.join('+');
  const out = [s.heading(`Reciprocity ${a} ↔ ${b}${of}, ${r.window.from} to ${r.window.to}`)];
  out.push(s.item(s.dim(w.counted)));
  if (w.note) out.push(s.item(w.note));
  const ab = r.aToB.sums;
  const ba = r.bToA.sums;
  const q = (x: DirectionSums, quad: 1 | 2 | 3 | 4, f: 'cooperation' | 'conflict'): string =>
    sumCell(x.byQuad[quad - 1]![f], x.byQuad[quad - 1]!.count);
  const rows: string[][] = [
    ['moves', String(ab.total.count), String(ba.total.count)],
    ['cooperation, verbal (quad 1)', q(ab, 1, 'cooperation'), q(ba, 1, 'cooperation')],
    ['cooperation, material (quad 2)', q(ab, 2, 'cooperation'), q(ba, 2, 'cooperation')],
    ['conflict, verbal (quad 3)', q(ab, 3, 'conflict'), q(ba, 3, 'conflict')],
    ['conflict, material (quad 4)', q(ab, 4, 'conflict'), q(ba, 4, 'conflict')],
    ['net Goldstein', fmt(ab.total.net), fmt(ba.total.net)],
    ...concessionRows(r),
  ];
  out.push(...s.table(['', `${a}→${b}`, `${b}→${a}`], rows, ['l', 'r', 'r']));
  out.push(...ratioLines(r, s));
  out.push(...unansweredLines(r, s));
  if (r.concessionsReason) out.push(s.item(s.dim(r.concessionsReason)));
  for (const resp of [r.responses.ofB, r.responses.ofA]) out.push(s.item(responseLine(resp)));
  return out;
}

/** A score with what it is made of: `61% (11 of 18 points)`. */
function scoreText(p: PamScore): string {
  if (p.percent === null) return `n/a (${p.reason ?? 'no provision applies'})`;
  return `${Math.round(p.percent)}% (${p.levelSum} of ${p.maxSum} points)`;
}

function commitmentsBlock(sc: Scorecard, s: BriefStyle): string[] {
  const out = [s.heading(`Commitments (Peace Accords Matrix 0–3) as of ${sc.asOf}`)];
  const later = sc.notYetSigned.length
    ? `; ${sc.notYetSigned.length} signed after ${sc.asOf} left out (${sc.notYetSigned.join(', ')})`
    : '';
  if (sc.agreements.length === 0) {
    out.push(s.item(`no agreement of this case was signed by ${sc.asOf}${later}`));
    return out;
  }
  out.push(
    s.item(
      s.dim(
        `${sc.agreements.length} ${plural(sc.agreements.length, 'agreement')} signed by ${sc.asOf}, every provision listed${later}. A score is Σ levels ÷ (3 × provisions that apply); a provision with no status counts 0, one not applicable is left out.`,
      ),
    ),
  );
  const changedLabel = sc.since ? `changes since ${sc.since}` : 'changes';
  for (const ag of sc.agreements) {
    const na = ag.overall.notApplicable ? `; ${ag.overall.notApplicable} not applicable, left out` : '';
    out.push(
      s.item(
        `${s.strong(ag.name)} (${ag.date}): ${scoreText(ag.overall)} over ${ag.overall.provisions} ${plural(ag.overall.provisions, 'provision')}${na}`,
      ),
    );
    for (const p of ag.provisions) {
      const since = p.status ? ` since ${p.status.date}` : '';
      const changed = p.changes.length
        ? ` ${s.dim(`(${changedLabel}: ${p.changes.map((ch) => `${ch.date} ${ch.fromName ?? 'none'} → ${ch.toName}`).join(', ')})`)}`
        : '';
      out.push(s.item(`${p.levelName}${since}: ${p.text} [owed by ${p.owedBy.join(', ')}]${changed}`, 1));
    }
  }
  if (sc.byParty.length)
    out.push(s.item(`by party: ${sc.byParty.map((p) => `${p.party} ${scoreText(p)}`).join(', ')}`));
  if (sc.byTheme.length)
    out.push(s.item(`by theme: ${sc.byTheme.map((t) => `${t.theme} ${scoreText(t)}`).join(', ')}`));
  return out;
}

function facilityLineText(f: FacilityLine, s: BriefStyle): string {
  const since = f.statusSince ? ` since ${f.statusSince}` : '';
  const note = f.statusNote ? ` (${f.statusNote})` : '';
  const seen = f.lastObservation
    ? `; last seen ${f.lastObservation.date} by ${f.lastObservation.by}: ${f.lastObservation.finding} [${f.lastObservation.verification}]`
    : '; never observed';
  return `${s.strong(f.name)}: ${f.status}${since}${note}${seen}`;
}

function facilitiesBlock(fac: FacilitiesSummary, asOf: string, s: BriefStyle): string[] {
  if (fac.total === 0) return [s.heading('Facilities'), s.item('no facilities recorded in this case')];
  const counts = Object.entries(fac.byStatus)
    .map(([k, v]) => `${v} ${k === 'unknown' ? 'with no status on the date' : k}`)
    .join(', ');
  const shown = Math.min(fac.key.length, MAX_FACILITIES);
  const which =
    fac.key.length === 0
      ? 'none is marked key, so none is listed'
      : shown === fac.total
        ? `all ${shown} listed (all key)`
        : shown === fac.key.length
          ? `the ${shown} key ${plural(shown, 'one')} shown`
          : `the first ${shown} of the ${fac.key.length} key ones shown`;
  const out = [s.heading(`Facilities on ${asOf}: ${fac.total} (${counts}); ${which}`)];
  for (const f of fac.key.slice(0, MAX_FACILITIES)) out.push(s.item(facilityLineText(f, s)));
  const more = fac.key.length - shown;
  if (more > 0) out.push(s.item(`… and ${more} more key ${plural(more, 'site')}`));
  const notKey = fac.total - fac.key.length;
  if (fac.key.length > 0 && notKey > 0)
    out.push(s.item(s.dim(`${notKey} more ${plural(notKey, 'facility')} not marked key, not listed`)));
  return out;
}

function paceBlock(p: PaceResult, counted: string, s: BriefStyle): string[] {
  const out = [s.heading('Pace'), s.item(s.dim(counted))];
  const moves = p.steps.reduce((n, x) => n + x.moves, 0);
  const span =
    p.steps.length > 1 ? `, ${p.steps[0]!.date} to ${p.lastStep}` : p.steps.length === 1 ? ` on ${p.lastStep}` : '';
  const since =
    p.daysSinceLastStep !== null && p.steps.length > 1
      ? p.daysSinceLastStep === 0
        ? `; last step on ${p.readTo} itself`
        : `; last step ${p.lastStep}, ${p.daysSinceLastStep} ${plural(p.daysSinceLastStep, 'day')} before ${p.readTo}`
      : '';
  const median = p.medianGap === null ? '' : `; median gap ${p.medianGap} days`;
  out.push(
    s.item(
      `${p.steps.length} ${plural(p.steps.length, 'step')} (${moves} ${plural(moves, 'move')})${span}${median}${since}`,
    ),
  );
  out.push(s.item(`${p.verdict ? `${s.strong(p.verdict)}: ` : ''}${p.reason}`));
  if (p.stalls.length) {
    out.push(
      s.item(
        `stalls, gaps longer than ${p.stallThresholdDays} days (${p.rule.stalledFactor} × the median gap) (${p.stalls.length}):`,
      ),
    );
    for (const st of p.stalls.slice(-MAX_STALLS))
      out.push(s.item(`${st.days} days, ${st.from} to ${st.to}${st.open ? ' (still running: no step since)' : ''}`, 1));
    if (p.stalls.length > MAX_STALLS) out.push(s.item(`… and ${p.stalls.length - MAX_STALLS} earlier`, 1));
  }
  if (p.gaps.length) {
    const recent = p.gaps.slice(-MAX_GAPS).map((g) => `${g.to} (${g.days} d)`);
    const of =
      p.gaps.length > MAX_GAPS
        ? `latest ${MAX_GAPS} of ${p.gaps.length} gaps`
        : `all ${p.gaps.length} ${plural(p.gaps.length, 'gap')}`;
    out.push(s.item(`${of}, by the step that ended each: ${recent.join(', ')}`));
  }
  return out;
}

function ledgerLine(brief: Brief, s: BriefStyle): string {
  const l = brief.ledger;
  const imported = l.imported
    ? `; and ${l.imported} imported ${plural(l.imported, 'row')} of the dyad in the reciprocity window (${brief.reciprocityWindow.from} to ${brief.reciprocityWindow.to})`
    : '';
  return s.dim(
    `Ledger of case ${brief.case.id}: ${l.events} events dated up to ${brief.asOf}, all actors (${l.confirmed} confirmed, ${l.proposed} proposed, ${l.rejected} rejected; only confirmed events count above)${imported}.`,
  );
}

function headlineBlock(h: Headline, s: BriefStyle, cites: Citations): string[] {
  const out = [s.strong(h.question)];
  if (h.sources.length) out.push(s.dim(`The condition as argued in ${arguedIn(h.sources, s, cites)}.`));
  out.push(`${s.verdict(h.verdict)}  ${h.answer}`);
  if (h.evidence.length) {
    out.push(s.item('evidence:'));
    for (const e of h.evidence.slice(0, MAX_EVIDENCE)) out.push(s.item(evidenceLine(e, cites), 1));
    out.push(...moreLine(h.evidence.length, MAX_EVIDENCE, s, 1));
  }
  out.push(...movesLines(h.gatedMoves, h.movesBeforeStated, h.stated, s, 0, MAX_GATED));
  return out;
}

function readingOf(brief: Brief): Reading {
  return { asOf: brief.asOf, asOfChosenBy: brief.asOfChosenBy, knownBy: brief.asKnownOn };
}

/** Under the title: what the brief rests on, when it uses hindsight, and where the record ends. */
function readingLines(brief: Brief, s: BriefStyle): string[] {
  const out: string[] = [];
  const h = brief.hindsight;
  if (h) {
    const n = h.notYetKnown.length;
    out.push(
      s.dim(
        n
          ? `Hindsight: ${n} ${plural(n, 'fact')} dated by ${brief.asOf} ${n === 1 ? 'was' : 'were'} not yet known on ${brief.asOf}; ${n === 1 ? 'it is' : 'they are'} used here and listed at the end.`
          : `Hindsight adds nothing: every fact dated by ${brief.asOf} was known on ${brief.asOf}.`,
      ),
    );
  } else {
    out.push(s.dim(`Only what had been published by ${brief.asOf} is used; --hindsight adds what was learned later.`));
  }
  if (brief.recordNote) out.push(brief.recordNote);
  return out;
}

function hindsightBlock(brief: Brief, s: BriefStyle): string[] {
  const h = brief.hindsight;
  if (!h || h.notYetKnown.length === 0) return [];
  const out = ['', s.heading(`Not yet known on ${brief.asOf}, used above in hindsight (${h.notYetKnown.length})`)];
  for (const f of h.notYetKnown)
    out.push(s.item(`${f.date}  ${f.summary} ${s.dim(`(${LATE_KIND[f.kind]}, known ${f.known})`)}`));
  return out;
}

const LATE_KIND: Record<LateFact['kind'], string> = {
  event: 'move',
  'facility-status': 'site status',
  observation: 'observation',
  'provision-status': 'provision status',
  'commitment-change': 'commitment status',
  note: 'later part of a note',
  measurement: 'measurement',
};

/** Renders a brief as text (plain or coloured) or Markdown, depending on the style. */
export function renderBrief(brief: Brief, s: BriefStyle): string {
  const cites = new Citations(s.footnotes);
  const out: string[] = [];
  out.push(s.title(`${brief.case.title}: brief ${readingWords(readingOf(brief))}`));
  out.push(...readingLines(brief, s));
  out.push('');
  if (brief.headline) out.push(...headlineBlock(brief.headline, s, cites), '');
  const others = brief.conditions.filter((c) => c.id !== brief.headline?.conditionId);
  if (others.length) {
    out.push(s.heading('Other conditions'));
    for (const c of others) out.push(...conditionBlock(c, s, cites, false));
    out.push('');
  }
  out.push(...reciprocityBlock(brief.reciprocity, brief.reciprocityWindow, s));
  out.push('');
  const imported = brief.importedReciprocity;
  if (imported) {
    out.push(
      ...reciprocityBlock(imported.reciprocity, { counted: imported.counted, note: null }, s, ' in imported rows'),
    );
    out.push('');
  }

  out.push(...commitmentsBlock(brief.scorecard, s));
  out.push('');
  out.push(...facilitiesBlock(brief.facilities, brief.asOf, s));
  out.push('');
  const indicators = indicatorsBlock(brief.indicators, s);
  if (indicators.length) out.push(...indicators, '');
  out.push(...paceBlock(brief.pace, brief.paceCounted, s));
  out.push('');
  out.push(ledgerLine(brief, s));
  out.push(...hindsightBlock(brief, s));
  out.push(...cites.lines());
  return `${out.join('\n')}\n`;
}
