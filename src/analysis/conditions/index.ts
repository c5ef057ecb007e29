export * from './condition-result.js';
export * from './evaluate-condition.js';
export * from './describe-filter.js';
export { eventMatches, windowBounds } from './event-filter-match.js';
export { facilityMatches } from './facility-filter-match.js';
export { evaluateIndicator, latestMeasurement } from './indicator-leaf.js';
