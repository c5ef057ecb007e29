import * as Plot from '@observablehq/plot';
import {
  type ChartElement,
  type ChartOptions,
  DEFAULT_WIDTH,
  day,
  dateRange,
  dayAfter,
  daysBetween,
  labelFits,
  shorten,
} from './chart-kit.js';

export type GridLevel = 0 | 1 | 2 | 3 | 'na';

/**
 * An agreement with each provision's dated statuses: the model's `Agreement` (case frame, case
 * export) has this shape. Statuses may come in any order; the chart sorts them.
 */
export interface GridAgreement {
  id: string;
  name: string;
  date: string;
  provisions: {
    id: string;
    text: string;
    theme?: string;
    owedBy?: string[];
    statuses: { date: string; level: GridLevel; note?: string }[];
  }[];
}

export interface CommitmentsGridOptions extends ChartOptions {
  /** Time axis: default the first agreement's date. */
  from?: string;
  /** The date read on: cells stop here, and statuses dated after it are not drawn. */
  to: string;
  /** Rows grouped under each agreement (default), each owing party, or each theme. */
  groupBy?: 'agreement' | 'party' | 'theme';
}

export const LEVEL_WORDS: Record<string, string> = {
  none: 'no status yet',
  '0': '0 not started',
  '1': '1 minimal',
  '2': '2 intermediate',
  '3': '3 full',
  na: 'not applicable',
};
const LEVEL_FILL: Record<string, string> = {
  none: '#ffffff',
  '0': '#f2f0f7',
  '1': '#cbc9e2',
  '2': '#9e9ac8',
  '3': '#54278f',
  na: '#dddddd',
};
const LEVEL_MARK: Record<string, string> = { none: '–', '0': '0', '1': '1', '2': '2', '3': '3', na: 'n/a' };
const NO_STATUS = 'no status yet';
const ROW = 22;
const MARGIN_LEFT = 230;

interface Cell {
  row: string;
  from: string;
  to: string;
  level: string;
  label: string;
  title: string;
}

interface Row {
  /** Unique within the chart: the y scale's domain. */
  key: string;
  label: string;
  provision: GridAgreement['provisions'][number] | null;
  agreement: GridAgreement;
}

function groupsOf(agreement: GridAgreement, provision: GridAgreement['provisions'][number], by: string): string[] {
  if (by === 'party') return provision.owedBy?.length ? provision.owedBy : ['(no party named)'];
  if (by === 'theme') return [provision.theme ?? '(no theme)'];
  return [`${agreement.name} (${agreement.date})`];
}

/** Rows in order: a header row per group, then its provisions, indented. */
function rows(agreements: readonly GridAgreement[], groupBy: string): Row[] {
  const groups = new Map<string, Row[]>();
  for (const agreement of agreements) {
    for (const provision of agreement.provisions) {
      for (const group of groupsOf(agreement, provision, groupBy)) {
        const list = groups.get(group) ?? [];
        groups.set(group, list);
        list.push({
          key: `${group}\u0000${agreement.id}/${provision.id}`,
          label: `   ${shorten(provision.text, 36)}`,
          provision,
          agreement,
        });
      }
    }
  }
  return [...groups.entries()].flatMap(([group, list]) => [
    { key: group, label: shorten(group, 40), provision: null, agreement: list[0]!.agreement },
    ...list,
  ]);
}

function cellsOf(row: Row, to: string, pxPerDay: number): Cell[] {
  const p = row.provision;
  if (!p || row.agreement.date > to) return [];
  const statuses = p.statuses.filter((s) => s.date <= to).sort((x, y) => x.date.localeCompare(y.date));
  const starts = [{ date: row.agreement.date, level: 'none', note: undefined as string | undefined }];
  for (const s of statuses) starts.push({ date: s.date, level: String(s.level), note: s.note });
  const out: Cell[] = [];
  starts.forEach((s, i) => {
    const next = starts[i + 1]?.date;
    if (next !== undefined && next <= s.date) return; // replaced on its first day
    const end = next ? new Date(day(next).getTime() - 86_400_000).toISOString().slice(0, 10) : to;
    const px = (daysBetween(s.date, end) + 1) * pxPerDay;
    // A span with no status yet says so in words where they fit, so it does not read as a level.
    const mark = s.level === 'none' && labelFits(NO_STATUS, px) ? NO_STATUS : LEVEL_MARK[s.level]!;
    out.push({
      row: row.key,
      from: s.date,
      to: end,
      level: LEVEL_WORDS[s.level]!,
      label: labelFits(mark, px) ? mark : '',
      title: `${row.agreement.name}: ${p.text}\n${LEVEL_WORDS[s.level]} from ${s.date}${s.note ? `\n${s.note}` : ''}`,
    });
  });
  return out;
}

/** The bars of some cells and their labels. */
function cellMarks(
  cells: readonly Cell[],
  style: { strokeDasharray?: string; fontStyle?: string; ink?: string },
): Plot.Markish[] {
  return [
    Plot.barX(cells, {
      x1: (d: Cell) => day(d.from),
      x2: (d: Cell) => dayAfter(d.to),
      y: 'row',
      fill: 'level',
      stroke: '#888',
      strokeWidth: 0.5,
      ...(style.strokeDasharray ? { strokeDasharray: style.strokeDasharray } : {}),
      title: 'title',
    }),
    Plot.text(cells, {
      x: (d: Cell) => new Date((day(d.from).getTime() + dayAfter(d.to).getTime()) / 2),
      y: 'row',
      text: 'label',
      fill: (d: Cell) => style.ink ?? (d.level === LEVEL_WORDS['3'] ? 'white' : 'black'),
      ...(style.fontStyle ? { fontStyle: style.fontStyle } : {}),
    }),
  ];
}

/**
 * The commitments scorecard as a grid: one row per provision under its group's header row, time
 * across, each span coloured by its Peace Accords Matrix level and labelled with the level's
 * number (0–3, n/a), so the number, not only the shade, says the level.
 */
export function commitmentsGridChart(
  agreements: readonly GridAgreement[],
  options: CommitmentsGridOptions,
): ChartElement {
  const width = options.width ?? DEFAULT_WIDTH;
  const from = options.from ?? dateRange([options.to, ...agreements.map((a) => a.date)])![0];
  const pxPerDay = (width - MARGIN_LEFT - 20) / Math.max(1, daysBetween(from, options.to) + 1);
  const all = rows(agreements, options.groupBy ?? 'agreement');
  const labels = new Map(all.map((r) => [r.key, r.label]));
  const headers = new Set(all.filter((r) => r.provision === null).map((r) => r.key));
  const cells = all.flatMap((r) => cellsOf(r, options.to, pxPerDay));
  const levels = Object.keys(LEVEL_WORDS).filter((k) => cells.some((c) => c.level === LEVEL_WORDS[k]));
  return Plot.plot({
    document: options.document,
    width,
    height: 60 + ROW * all.length,
    marginLeft: MARGIN_LEFT,
    marginRight: 20,
    x: { type: 'utc', domain: [day(from), dayAfter(options.to)], label: null, grid: false },
    y: {
      domain: all.map((r) => r.key),
      axis: null,
      padding: 0.12,
    },
    color: {
      legend: true,
      domain: levels.map((k) => LEVEL_WORDS[k]!),
      range: levels.map((k) => LEVEL_FILL[k]!),
    },
    marks: [
      // Labels start at the left edge, group headers in bold and provisions indented under them.
      Plot.axisY({
        tickFormat: (k: string) => (headers.has(k) ? '' : (labels.get(k) ?? k)),
        textAnchor: 'start',
        tickSize: 0,
        dx: -(MARGIN_LEFT - 8),
      }),
      Plot.text(
        all.filter((r) => r.provision === null),
        {
          y: 'key',
          text: 'label',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: -(MARGIN_LEFT - 4),
          fontWeight: 'bold',
        },
      ),
      ...cellMarks(
        cells.filter((c) => c.level !== LEVEL_WORDS.none),
        {},
      ),
      // No status yet: a dashed outline and grey italic words, unlike the solid edge of every level.
      ...cellMarks(
        cells.filter((c) => c.level === LEVEL_WORDS.none),
        { strokeDasharray: '3 2', fontStyle: 'italic', ink: '#555' },
      ),
    ],
  });
}
