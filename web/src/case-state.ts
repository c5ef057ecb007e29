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
