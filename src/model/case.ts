import type { Actor } from './actor.js';
import type { Agreement } from './agreement.js';
import type { Condition } from './condition.js';
import type { LedgerEvent } from './event.js';
import type { Facility } from './facility.js';
import type { Indicator } from './indicator.js';
import type { IsoDate } from './iso-date.js';

/** Settings a case carries for its brief and analyses. */
export interface CaseSettings {
  /** The two parties the brief's reciprocity and pace read, as CAMEO codes (`USA`, `PRK`). */
  parties: [string, string];
  /** Reciprocity is read from this date (the Singapore summit for the built-in case). */
  reciprocitySince?: IsoDate;
  /** The condition the brief opens with. */
  headlineCondition?: string;
  /** The default date for `brief` when none is given. */
  defaultAsOf?: IsoDate;
  period?: { from: IsoDate; to: IsoDate };
  /** Days within which a concession counts as answered. */
  responseDays?: number;
}

export interface CaseInfo {
  id: string;
  title: string;
  description?: string;
  settings: CaseSettings;
}

/** A whole case, as read from its folder or from the store. */
export interface CaseData {
  info: CaseInfo;
  actors: Actor[];
  events: LedgerEvent[];
  agreements: Agreement[];
  facilities: Facility[];
  conditions: Condition[];
  /** Measured quantities and their dated measurements; absent in a case that follows none. */
  indicators?: Indicator[];
}
