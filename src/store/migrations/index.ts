import type { Migration } from 'kysely';
import * as core from './001-core.js';
import * as imports from './002-imports.js';
import * as importSeries from './003-import-series.js';
import * as knownDates from './004-known-dates.js';
import * as importHolders from './005-import-holders.js';
import * as accountsAudit from './006-accounts-audit.js';
import * as caseExports from './007-case-exports.js';
import * as indicators from './008-indicators.js';
import * as mapAndSpans from './010-map-and-spans.js';
import * as eventSideIndexes from './014-event-side-indexes.js';
import * as lateKnownIndex from './015-late-known-index.js';

/**
 * Every migration, in order. Listed here rather than read from a folder so that the same list
 * works from `src/` under tsx and from `dist/` after a build.
 */
export const migrations: Record<string, Migration> = {
  '001-core': core,
  '002-imports': imports,
  '003-import-series': importSeries,
  '004-known-dates': knownDates,
  '005-import-holders': importHolders,
  '006-accounts-audit': accountsAudit,
  '007-case-exports': caseExports,
  '008-indicators': indicators,
  '010-map-and-spans': mapAndSpans,
  '014-event-side-indexes': eventSideIndexes,
  '015-late-known-index': lateKnownIndex,
};
