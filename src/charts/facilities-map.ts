import * as Plot from '@observablehq/plot';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type ChartElement, type ChartOptions, DEFAULT_WIDTH, PALETTE, VERIFICATION_SYMBOLS } from './chart-kit.js';

/**
 * A facility as the map draws it: its status on the date read and how its last observation up to
 * that date was verified (null: never observed). The brief's `FacilityLine` has these fields;
 * `coordinates` is [longitude, latitude] and null or absent for a site whose place is not public.
 */
export interface MapFacility {
  id: string;
  name: string;
  key: boolean;
  status: string;
  verification: 'verified' | 'observed' | 'claimed' | null;
  coordinates?: [number, number] | null;
}

/** A world-atlas 2.0 topology (`countries-110m.json` or `countries-50m.json`), shipped in the package. */
export type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export interface FacilitiesMapOptions extends ChartOptions {
  world: WorldTopology;
  /** Default 480: the map is fitted into width × height. */
  height?: number;
}

export const STATUS_COLOURS: Record<string, string> = {
  operational: PALETTE.vermillion,
  'under-construction': PALETTE.orange,
  'partly-dismantled': PALETTE.yellow,
  rebuilding: PALETTE.purple,
  dormant: PALETTE.sky,
  dismantled: PALETTE.green,
  unknown: PALETTE.grey,
};
const NEVER = 'never observed';

interface Placed extends MapFacility {
  lon: number;
  lat: number;
  seen: string;
}

/**
 * Sites at one place (the parts of a complex) spread on a small ring around it, so each keeps its
 * own symbol; the ring's radius grows with the map's span so it stays a few pixels wide.
 */
function spread(facilities: readonly MapFacility[], span: number): Placed[] {
  const byPlace = new Map<string, MapFacility[]>();
  for (const f of facilities) {
    if (!f.coordinates) continue;
    const k = f.coordinates.map((c) => c.toFixed(2)).join(',');
    byPlace.set(k, [...(byPlace.get(k) ?? []), f]);
  }
  const out: Placed[] = [];
  for (const group of byPlace.values()) {
    const radius = group.length > 1 ? span * 0.012 * Math.sqrt(group.length) : 0;
    group.forEach((f, i) => {
      const angle = (2 * Math.PI * i) / group.length;
      const [lon, lat] = f.coordinates!;
      out.push({
        ...f,
        lon: lon + radius * Math.cos(angle),
        lat: lat + radius * Math.sin(angle),
        seen: f.verification ?? NEVER,
      });
    });
  }
  return out;
}

/** One label per place: the words the names of its sites share ("Yongbyon"), else the site's name. */
function placeLabels(facilities: readonly MapFacility[]): { lon: number; lat: number; text: string }[] {
  const byPlace = new Map<string, MapFacility[]>();
  for (const f of facilities) {
    if (!f.coordinates) continue;
    const k = f.coordinates.map((c) => c.toFixed(2)).join(',');
    byPlace.set(k, [...(byPlace.get(k) ?? []), f]);
  }
  return [...byPlace.values()].map((group) => {
    const words = group.map((f) => f.name.split(/\s+/));
    const shared: string[] = [];
    for (let i = 0; words.every((w) => w[i] !== undefined && w[i] === words[0]![i]); i++) shared.push(words[0]![i]!);
    const name = group.length === 1 ? group[0]!.name : `${shared.join(' ') || 'sites'} (${group.length} sites)`;
    const [lon, lat] = group[0]!.coordinates!;
    return { lon, lat, text: name };
  });
}

/** A box around the points, at least `min` degrees across, as a GeoJSON MultiPoint for the projection's domain. */
function extent(points: readonly MapFacility[], min: number): { type: 'MultiPoint'; coordinates: number[][] } {
  const lons = points.map((p) => p.coordinates![0]);
  const lats = points.map((p) => p.coordinates![1]);
  const pad = (lo: number, hi: number) => {
    const mid = (lo + hi) / 2;
    const half = Math.max(min, (hi - lo) * 1.3) / 2;
    return [mid - half, mid + half] as const;
  };
  const [x0, x1] = pad(Math.min(...lons), Math.max(...lons));
  const [y0, y1] = pad(Math.min(...lats), Math.max(...lats));
  return {
    type: 'MultiPoint',
    coordinates: [
      [x0, y0],
      [x1, y1],
    ],
  };
}

type Box = readonly (readonly number[])[];
type Bounds = [west: number, south: number, east: number, north: number];

/** Each arc's bounds in degrees, decoded from the topology's quantised deltas without building features. */
function arcBounds(world: WorldTopology): Bounds[] {
  const [sx, sy] = world.transform?.scale ?? [1, 1];
  const [tx, ty] = world.transform?.translate ?? [0, 0];
  return world.arcs.map((arc) => {
    const b: Bounds = [180, 90, -180, -90];
    let x = 0;
    let y = 0;
    for (const p of arc) {
      x = world.transform ? x + p[0]! : p[0]!;
      y = world.transform ? y + p[1]! : p[1]!;
      const lon = x * sx + tx;
      const lat = y * sy + ty;
      if (lon < b[0]) b[0] = lon;
      if (lat < b[1]) b[1] = lat;
      if (lon > b[2]) b[2] = lon;
      if (lat > b[3]) b[3] = lat;
    }
    return b;
  });
}

/** Each country's bounds: the union of its arcs' bounds (an arc index ~i is arc i reversed). */
function countryBounds(world: WorldTopology): Bounds[] {
  const arcs = arcBounds(world);
  return world.objects.countries.geometries.map((g) => {
    const b: Bounds = [180, 90, -180, -90];
    const rings = g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [];
    for (const i of rings.flat()) {
      const a = arcs[i < 0 ? ~i : i]!;
      b[0] = Math.min(b[0], a[0]);
      b[1] = Math.min(b[1], a[1]);
      b[2] = Math.max(b[2], a[2]);
      b[3] = Math.max(b[3], a[3]);
    }
    return b;
  });
}

const boundsCache = new WeakMap<WorldTopology, Bounds[]>();

/**
 * The countries that reach into the map's box (widened by half its size each way) and the borders
 * between them. Only these are turned into features, projected and drawn: the whole world at 50m
 * is a third of a second of work and megabytes of path outside the frame.
 */
function outlineNear(world: WorldTopology, box: Box) {
  const bounds = boundsCache.get(world) ?? boundsCache.set(world, countryBounds(world)).get(world)!;
  const [[x0, y0], [x1, y1]] = box as [[number, number], [number, number]];
  const dx = (x1 - x0) / 2;
  const dy = (y1 - y0) / 2;
  const near = (b: Bounds) => b[0] <= x1 + dx && b[2] >= x0 - dx && b[1] <= y1 + dy && b[3] >= y0 - dy;
  const kept = {
    type: 'GeometryCollection' as const,
    geometries: world.objects.countries.geometries.filter((_, i) => near(bounds[i]!)),
  };
  return { countries: feature(world, kept), borders: mesh(world, kept, (a, b) => a !== b) };
}

/**
 * The case's facilities on a map drawn from the world-atlas outline (no tiles, no network): colour
 * by status on the date, shape by how the last observation was verified (● verified, ■ observed,
 * ▲ claimed, ◆ never observed), key sites larger, one label per place. Sites with no public
 * place are not drawn; the caller lists them.
 */
export function facilitiesMapChart(facilities: readonly MapFacility[], options: FacilitiesMapOptions): ChartElement {
  const placed = facilities.filter((f) => f.coordinates);
  const domain = placed.length
    ? extent(placed, 4)
    : {
        type: 'MultiPoint' as const,
        coordinates: [
          [-170, -60],
          [170, 75],
        ],
      };
  const span = Math.abs(domain.coordinates[1]![0]! - domain.coordinates[0]![0]!);
  const { countries, borders } = outlineNear(options.world, domain.coordinates);
  const statuses = Object.keys(STATUS_COLOURS).filter((s) => placed.some((f) => f.status === s));
  const seen = [...Object.keys(VERIFICATION_SYMBOLS), NEVER];
  return Plot.plot({
    document: options.document,
    width: options.width ?? DEFAULT_WIDTH,
    height: options.height ?? 480,
    projection: { type: 'mercator', domain, inset: 10, clip: 'frame' },
    color: { legend: true, domain: statuses, range: statuses.map((s) => STATUS_COLOURS[s]!) },
    symbol: { legend: true, domain: seen, range: [...Object.values(VERIFICATION_SYMBOLS), 'diamond'] },
    r: { type: 'identity' },
    marks: [
      Plot.geo(countries, { fill: '#f4f1ea', stroke: 'none' }),
      Plot.geo(borders, { stroke: '#888', strokeWidth: 0.7 }),
      Plot.graticule({ stroke: '#ccc', strokeOpacity: 0.5 }),
      Plot.dot(spread(placed, span), {
        x: 'lon',
        y: 'lat',
        fill: 'status',
        stroke: 'black',
        strokeWidth: 0.8,
        symbol: 'seen',
        r: (d: Placed) => (d.key ? 6 : 4),
        title: (d: Placed) =>
          `${d.name}: ${d.status}; ${d.verification ? `last observation ${d.verification}` : NEVER}`,
      }),
      Plot.text(placeLabels(placed), {
        x: 'lon',
        y: 'lat',
        text: 'text',
        textAnchor: 'start',
        dx: 12,
        fontSize: 10,
        stroke: 'white',
        strokeWidth: 3,
        fill: 'black',
      }),
      Plot.frame({ stroke: '#aaa' }),
    ],
  });
}
