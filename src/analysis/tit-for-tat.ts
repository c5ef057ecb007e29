/**
 * Tit-for-tat between two binned series (reference 2.4d): over bins t ≥ 1 where both the
 * leader's S(t−1) and the follower's S(t) are non-zero, how often the follower's sign matches.
 */
export interface TitForTat {
  /** Bin pairs where both values are non-zero. */
  considered: number;
  /** sign(S_follower(t)) = sign(S_leader(t−1)). */
  matches: number;
  /** matches / considered; null when nothing was considered. */
  matchRate: number | null;
  /** Leader defected (S < 0), follower cooperated next (S > 0). */
  forgiving: number;
  /** Leader cooperated (S > 0), follower defected next (S < 0). */
  exploited: number;
  /** Why `matchRate` is null; null otherwise. */
  reason: string | null;
}

export function titForTat(leader: readonly number[], follower: readonly number[]): TitForTat {
  if (leader.length !== follower.length) throw new RangeError('titForTat: series of different lengths');
  let considered = 0,
    matches = 0,
    forgiving = 0,
    exploited = 0;
  for (let t = 1; t < leader.length; t++) {
    const a = leader[t - 1]!;
    const b = follower[t]!;
    if (a === 0 || b === 0) continue;
    considered++;
    if (Math.sign(a) === Math.sign(b)) matches++;
    else if (a < 0) forgiving++;
    else exploited++;
  }
  return {
    considered,
    matches,
    matchRate: considered === 0 ? null : matches / considered,
    forgiving,
    exploited,
    reason: considered === 0 ? 'no bin where both sides acted in successive weeks' : null,
  };
}
