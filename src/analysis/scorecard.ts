import type { Source } from '../model/event.js';
import {
  levelName,
  provisionStatusOn,
  type Agreement,
  type ImplementationLevel,
  type Provision,
  type ProvisionStatus,
} from '../model/agreement.js';
import type { IsoDate } from '../model/iso-date.js';

export interface ScorecardOptions {
  /** Report party rows only for these actor ids (all owing parties when unset). */
  parties?: readonly string[];
  /**
   * List status changes dated after this day (and on or before `asOf`). Unset: every change up to
   * `asOf`, i.e. the full history.
   */
  since?: IsoDate;
}

/**
 * Peace Accords Matrix score of a group of provisions: Σ levels ÷ (3 × provisions that apply).
 * Provisions whose status is `na` on the date are left out of both sums; provisions with no
 * status yet count as 0 (not started), because a commitment nobody has reported on has not been
 * shown to be implemented.
 */
export interface PamScore {
  /** Σ levels of the provisions that apply. */
  levelSum: number;
  /** 3 × provisions that apply. */
  maxSum: number;
  /** 100 × levelSum ÷ maxSum; null when no provision applies. */
  percent: number | null;
  /** Provisions that apply (status 0–3, or none yet). */
  provisions: number;
  /** Of those, provisions with no status on the date (counted as 0). */
  withoutStatus: number;
  /** Provisions left out because their status is `na`. */
  notApplicable: number;
  /** Why `percent` is null; null otherwise. */
  reason: string | null;
}

export interface PartyScore extends PamScore {
  /** Actor id from `owedBy`. */
  party: string;
}

export interface ThemeScore extends PamScore {
  theme: string;
}

/** The status in force on the date, with the evidence recorded for it. */
export interface StatusOnDate {
  /** Day the status was recorded as taking effect. */
  date: IsoDate;
  level: ImplementationLevel;
  levelName: string;
  /** Ledger event ids behind it. */
  events: string[];
  sources: Source[];
  note: string | null;
}

export interface StatusChange {
  date: IsoDate;
  /** Level before the change; null for the first status. */
  from: ImplementationLevel | null;
  fromName: string | null;
  to: ImplementationLevel;
  toName: string;
  events: string[];
  sources: Source[];
  note: string | null;
}

export interface ProvisionScore {
  id: string;
  text: string;
  theme: string;
  owedBy: string[];
  /** Null when no status is dated on or before `asOf`. */
  status: StatusOnDate | null;
  /** What the provision adds to `levelSum`: its level, 0 with no status, null when `na`. */
  counted: number | null;
  /** Name of the level counted: `not started` … `full`, `not applicable`, or `no status yet`. */
  levelName: string;
  changes: StatusChange[];
}

export interface AgreementScore {
  id: string;
  name: string;
  date: IsoDate;
  parties: string[];
  overall: PamScore;
  byParty: PartyScore[];
  byTheme: ThemeScore[];
  provisions: ProvisionScore[];
}

export interface Scorecard {
  asOf: IsoDate;
  since: IsoDate | null;
  agreements: AgreementScore[];
  /** Across all agreements in force. */
  byParty: PartyScore[];
  byTheme: ThemeScore[];
  /** Agreements dated after `asOf`, left out. */
  notYetSigned: string[];
}

class PamAccumulator {
  levelSum = 0;
  provisions = 0;
  withoutStatus = 0;
  notApplicable = 0;
  add(p: ProvisionScore): void {
    if (p.counted === null) {
      this.notApplicable++;
      return;
    }
    this.provisions++;
    this.levelSum += p.counted;
    if (p.status === null) this.withoutStatus++;
  }
  result(): PamScore {
    const maxSum = 3 * this.provisions;
    return {
      levelSum: this.levelSum,
      maxSum,
      percent: maxSum === 0 ? null : (100 * this.levelSum) / maxSum,
      provisions: this.provisions,
      withoutStatus: this.withoutStatus,
      notApplicable: this.notApplicable,
      reason:
        maxSum === 0 ? (this.notApplicable > 0 ? 'every provision is marked not applicable' : 'no provisions') : null,
    };
  }
}

function grouped<T extends string>(
  key: 'party' | 'theme',
  groups: Map<string, PamAccumulator>,
  only?: readonly string[],
): Array<PamScore & Record<T, string>> {
  const out: Array<PamScore & Record<T, string>> = [];
  for (const [k, acc] of groups) {
    if (only && !only.includes(k)) continue;
    out.push({ [key]: k, ...acc.result() } as PamScore & Record<T, string>);
  }
  return out;
}

function addTo(groups: Map<string, PamAccumulator>, key: string, p: ProvisionScore): void {
  let acc = groups.get(key);
  if (!acc) {
    acc = new PamAccumulator();
    groups.set(key, acc);
  }
  acc.add(p);
}

function statusChanges(p: Provision, asOf: IsoDate, since: IsoDate | undefined): StatusChange[] {
  // Stable sort keeps the recorded order for same-day statuses, matching provisionStatusOn.
  const history = [...p.statuses]
    .filter((s) => s.date <= asOf)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const changes: StatusChange[] = [];
  let prev: ProvisionStatus | undefined;
  for (const s of history) {
    if (since === undefined || s.date > since) {
      changes.push({
        date: s.date,
        from: prev ? prev.level : null,
        fromName: prev ? levelName(prev.level) : null,
        to: s.level,
        toName: levelName(s.level),
        events: [...s.events],
        sources: [...s.sources],
        note: s.note ?? null,
      });
    }
    prev = s;
  }
  return changes;
}

function scoreProvision(p: Provision, asOf: IsoDate, since?: IsoDate): ProvisionScore {
  const s = provisionStatusOn(p, asOf);
  const status: StatusOnDate | null = s
    ? {
        date: s.date,
        level: s.level,
        levelName: levelName(s.level),
        events: [...s.events],
        sources: [...s.sources],
        note: s.note ?? null,
      }
    : null;
  const counted = s === undefined ? 0 : s.level === 'na' ? null : s.level;
  return {
    id: p.id,
    text: p.text,
    theme: p.theme,
    owedBy: [...p.owedBy],
    status,
    counted,
    levelName: s === undefined ? 'no status yet' : levelName(s.level),
    changes: statusChanges(p, asOf, since),
  };
}

/**
 * Commitment scorecard as of a date: per agreement, per owing party and per theme, the Peace
 * Accords Matrix percentage (see `PamScore` for how `na` and missing statuses count), each
 * provision's status with its evidence, and status changes since `options.since`.
 */
export function scorecard(agreements: readonly Agreement[], asOf: IsoDate, options: ScorecardOptions = {}): Scorecard {
  const allParties = new Map<string, PamAccumulator>();
  const allThemes = new Map<string, PamAccumulator>();
  const scored: AgreementScore[] = [];
  const notYetSigned: string[] = [];
  for (const ag of agreements) {
    if (ag.date > asOf) {
      notYetSigned.push(ag.id);
      continue;
    }
    const overall = new PamAccumulator();
    const parties = new Map<string, PamAccumulator>();
    const themes = new Map<string, PamAccumulator>();
    const provisions = ag.provisions.map((p) => scoreProvision(p, asOf, options.since));
    for (const ps of provisions) {
      overall.add(ps);
      addTo(themes, ps.theme, ps);
      addTo(allThemes, ps.theme, ps);
      for (const party of new Set(ps.owedBy)) {
        addTo(parties, party, ps);
        addTo(allParties, party, ps);
      }
    }
    scored.push({
      id: ag.id,
      name: ag.name,
      date: ag.date,
      parties: [...ag.parties],
      overall: overall.result(),
      byParty: grouped<'party'>('party', parties, options.parties),
      byTheme: grouped<'theme'>('theme', themes),
      provisions,
    });
  }
  return {
    asOf,
    since: options.since ?? null,
    agreements: scored,
    byParty: grouped<'party'>('party', allParties, options.parties),
    byTheme: grouped<'theme'>('theme', allThemes),
    notYetSigned,
  };
}
