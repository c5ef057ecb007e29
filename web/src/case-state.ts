import { computed, signal } from '@preact/signals';
import type { CaseInfo } from './api-types.js';
import { param } from './url-state.js';

export const caseInfo = signal<CaseInfo | null>(null);

/** The case in view: the `case` parameter, else the first case the server holds. */
export const defaultCaseId = signal('us-dprk-2018');
export const caseId = computed(() => param('case') || defaultCaseId.value);

/** The as-of date of the whole dashboard: the `asOf` parameter, else the case's own default date. */
export const asOf = computed(() => {
  const p = param('asOf');
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return p;
  return caseInfo.value?.settings.defaultAsOf ?? new Date().toISOString().slice(0, 10);
});

/** The case's span, for the as-of slider: its period, else a year up to its default date. */
export const caseSpan = computed(() => {
  const s = caseInfo.value?.settings;
  if (s?.period) return s.period;
  const to = s?.defaultAsOf ?? new Date().toISOString().slice(0, 10);
  return { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to };
});

export const casePath = computed(() => `/api/cases/${encodeURIComponent(caseId.value)}`);

/**
 * What the dashboard knows on the as-of date, as `--hindsight` and `--known-by` choose on the
 * command line: by default only what was known on that date (`knownBy` equal to it); with
 * `hindsight=true` everything on record; with `knownBy=D` what was known by D.
 */
export const knownBy = computed<string | null>(() => {
  const k = param('knownBy');
  if (/^\d{4}-\d{2}-\d{2}$/.test(k) && k >= asOf.value) return k;
  return param('hindsight') === 'true' ? null : asOf.value;
});

/** The query fields that ask the API for the knowledge in view; none for the default. */
export const knowledgeQuery = computed((): Record<string, string> => {
  const k = knownBy.value;
  if (k === null) return { hindsight: 'true' };
  return k === asOf.value ? {} : { knownBy: k };
});

/** `as known on 2018-10-07`, `in hindsight, with everything on record`, or `… with what was known by D`. */
export function knowledgeText(day: string, known: string | null): string {
  if (known === day) return `as known on ${day}`;
  return known === null ? 'in hindsight, with everything on record' : `in hindsight, with what was known by ${known}`;
}

/** The words of the knowledge in view. */
export const knowledgeWords = computed(() => knowledgeText(asOf.value, knownBy.value));
