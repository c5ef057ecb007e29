/** Pure analyses over moves and agreements: no I/O, results are plain JSON-serialisable objects. */
export * from './move.js';
export * from './dyad.js';
export * from './dyad-grid.js';
export * from './direction-sums.js';
export * from './reciprocity-ratio.js';
export * from './weekly-series.js';
export * from './cross-correlation.js';
export * from './reaction-regression.js';
export * from './tit-for-tat.js';
export * from './concessions.js';
export * from './decayed-balance.js';
export * from './reciprocity.js';
export * from './scorecard.js';
export * from './pace.js';
export * from './stats.js';
