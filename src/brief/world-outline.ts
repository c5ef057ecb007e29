import { createRequire } from 'node:module';
import type { WorldTopology } from '../charts/index.js';

let world: WorldTopology | undefined;

/**
 * The world outline the facilities map is drawn on: world-atlas's 1:50m countries, read from the
 * installed package (no network). 1:50m rather than 1:110m because briefs zoom in on one
 * country, where the coarser coastline shows its corners.
 */
export function worldOutline(): WorldTopology {
  world ??= createRequire(import.meta.url)('world-atlas/countries-50m.json') as WorldTopology;
  return world;
}
