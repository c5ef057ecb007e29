import { GdeltParser, type GdeltLayout } from './gdelt-layout.js';

/**
 * GDELT 2.0 events export: 61 tab-separated columns, no header, DATEADDED as YYYYMMDDHHMMSS UTC
 * (GDELT Event Codebook V2.0, 2/19/2015).
 */
const GDELT2_LAYOUT: GdeltLayout = {
  format: 'gdelt2',
  widths: [61],
  actor1GeoCountry: 37,
  actor2GeoCountry: 45,
  actionGeoFullName: 52,
  actionGeoCountry: 53,
  actionGeoLat: 56,
  actionGeoLong: 57,
  dateAdded: 59,
  sourceUrl: 60,
};

export function gdelt2Parser(): GdeltParser {
  return new GdeltParser(GDELT2_LAYOUT);
}
