import { GdeltParser, type GdeltLayout } from './gdelt-layout.js';

/**
 * GDELT 1.0 events: 57 tab-separated columns in the historical backfile (to 2013-03-31), 58 in the
 * daily files from 2013-04-01 (the same plus SOURCEURL); no header; DATEADDED as YYYYMMDD (GDELT
 * Event Codebook V1.03, 8/25/2013). Both widths are read by the
 * same parser, row by row.
 */
export const GDELT1_LAYOUT: GdeltLayout = {
  format: 'gdelt1',
  widths: [57, 58],
  actor1GeoCountry: 37,
  actor2GeoCountry: 44,
  actionGeoFullName: 50,
  actionGeoCountry: 51,
  actionGeoLat: 53,
  actionGeoLong: 54,
  dateAdded: 56,
  sourceUrl: 57,
};

export function gdelt1Parser(): GdeltParser {
  return new GdeltParser(GDELT1_LAYOUT);
}
