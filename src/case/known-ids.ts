import { editDistance } from '../cameo/event-codes.js';
import type { IdGap } from './check-shapes.js';

/**
 * The ids of one kind a case folder defines, for checking references. An id in an entry that
 * failed its shape check, or any id when its file could not be read, counts as known: that entry
 * is reported already, and reporting every reference to it again would bury the real problem.
 */
export class KnownIds {
  private readonly ids: ReadonlySet<string>;

  constructor(
    ids: Iterable<string>,
    private readonly gap: IdGap = { wholeFile: false, ids: new Set() },
  ) {
    this.ids = new Set(ids);
  }

  /** True when the id is neither defined nor possibly defined by an entry already reported. */
  lacks(id: string): boolean {
    return !this.ids.has(id) && !this.gap.wholeFile && !this.gap.ids.has(id);
  }

  /** " (did you mean ...?)" with the known ids closest to a mistyped one. */
  nearest(id: string): string {
    return nearestIds(id, this.ids);
  }
}

/** " (did you mean ...?)" with the known ids closest to a mistyped one, or nothing when none is close. */
export function nearestIds(id: string, known: Iterable<string>): string {
  const close = [...known]
    .map((k) => ({ k, d: k.includes(id) || id.includes(k) ? 0 : editDistance(k, id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(id.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3);
  return close.length ? ` (did you mean ${close.map((c) => `"${c.k}"`).join(', ')}?)` : '';
}
