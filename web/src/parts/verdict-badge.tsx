import type { Verdict } from '../api-types.js';

const MARK: Record<Verdict, string> = { met: '✓', unmet: '✗', unknown: '?', 'not-stated': '–' };
const WORD: Record<Verdict, string> = {
  met: 'Met',
  unmet: 'Unmet',
  unknown: 'Unknown',
  'not-stated': 'Not yet stated',
};

/** A verdict by its word and its mark, the colour only a third carrier of it. */
export function VerdictBadge({ verdict, large = false }: { verdict: Verdict; large?: boolean }) {
  return (
    <span class={`verdict verdict-${verdict}${large ? ' verdict-large' : ''}`}>
      <span aria-hidden="true">{MARK[verdict]}</span> {WORD[verdict]}
    </span>
  );
}
