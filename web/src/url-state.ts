import { computed, signal } from '@preact/signals';

/** The page's address: the view is the path, every filter and the as-of date are in the query. */
export const url = signal(new URL(location.href));

addEventListener('popstate', () => {
  url.value = new URL(location.href);
});

export const viewPath = computed(() => url.value.pathname.replace(/\/+$/, '') || '/');

export function param(name: string): string {
  return url.value.searchParams.get(name) ?? '';
}

export function paramList(name: string): string[] {
  return param(name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Changes some query parameters (an empty value removes one). `push` makes a history entry (a
 * deliberate change, such as a filter applied); without it the entry is replaced (a slider dragged).
 */
export function setParams(patch: Record<string, string | null | undefined>, push = true): void {
  const next = new URL(url.value.href);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') next.searchParams.delete(k);
    else next.searchParams.set(k, v);
  }
  if (next.href === url.value.href) return;
  if (push) history.pushState(null, '', next.href);
  else history.replaceState(null, '', next.href);
  url.value = next;
}

/** What every view shares: kept when moving from one view to another. */
const SHARED = ['case', 'asOf', 'hindsight', 'knownBy'];

/** Goes to another view, keeping the case, the as-of date and the knowledge, dropping the old view's filters. */
export function navigate(path: string): void {
  const next = new URL(path, location.origin);
  for (const k of SHARED) {
    const v = url.value.searchParams.get(k);
    if (v && !next.searchParams.has(k)) next.searchParams.set(k, v);
  }
  history.pushState(null, '', next.href);
  url.value = next;
  scrollTo(0, 0);
}

/** A link to a view that keeps the case, the as-of date and the knowledge. */
export function viewHref(path: string, extra: Record<string, string> = {}): string {
  const next = new URL(path, location.origin);
  for (const k of SHARED) {
    const v = url.value.searchParams.get(k);
    if (v) next.searchParams.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) next.searchParams.set(k, v);
  return next.pathname + next.search;
}
