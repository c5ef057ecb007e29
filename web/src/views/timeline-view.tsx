import {
  movesTimelineChart,
  type TimelineMarker,
  type TimelineMove,
  type TimelineSpan,
} from '../../../src/charts/index.js';
import { query } from '../api.js';
import type { EventsPage } from '../api-types.js';
import { asOf, caseInfo, casePath, caseSpan, knowledgeQuery } from '../case-state.js';
import { binsChart, type MoveBin } from '../parts/bins-chart.js';
import { Chart } from '../parts/chart.js';
import { CheckGroup } from '../parts/check-group.js';
import { MoveTable } from '../parts/move-table.js';
import { useApi } from '../use-api.js';
import { param, paramList, setParams } from '../url-state.js';

const PAGE_SIZE = 50;

type TimelineData =
  | { mode: 'moves'; total: number; moves: TimelineMove[] }
  | { mode: 'bins'; total: number; period: 'day' | 'month'; bins: MoveBin[] };

/** The filters of the view, read from the address. */
function filtersFromUrl() {
  return {
    actor: param('actor'),
    code: param('code'),
    verification: param('verification'),
    status: param('status'),
    provenance: param('provenance'),
    q: param('q'),
    to: asOf.value,
  };
}

function FilterForm() {
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    setParams({
      actor: String(f.get('actor') ?? '')
        .toUpperCase()
        .replace(/\s+/g, ''),
      code: String(f.get('code') ?? '').replace(/\s+/g, ''),
      q: String(f.get('q') ?? '').trim(),
      page: null,
    });
  };
  const list = (name: string) => (next: string[]) => setParams({ [name]: next.join(','), page: null });
  return (
    <form class="filters" onSubmit={submit} aria-label="Filters">
      <label>
        Actors <input name="actor" defaultValue={param('actor')} placeholder="USA,PRK" size={12} />
      </label>
      <label>
        Code prefix <input name="code" defaultValue={param('code')} placeholder="04,0355" size={10} />
      </label>
      <label>
        Text <input name="q" type="search" defaultValue={param('q')} placeholder="words in the summary" />
      </label>
      <button type="submit">Apply</button>
      <CheckGroup
        legend="Verification"
        values={['verified', 'observed', 'claimed']}
        chosen={paramList('verification')}
        onChange={list('verification')}
      />
      <CheckGroup
        legend="Review status"
        values={['confirmed', 'proposed', 'rejected']}
        chosen={paramList('status')}
        onChange={list('status')}
      />
      <CheckGroup
        legend="Provenance"
        values={['typed', 'read', 'imported']}
        chosen={paramList('provenance')}
        onChange={list('provenance')}
      />
    </form>
  );
}

interface Pace {
  steps: { date: string; moves: number; codes: string[] }[];
  stalls: { from: string; to: string; days: number; open: boolean }[];
}

/**
 * Marks for the chart: the agreements signed, the engagement steps the pace analysis counts, and
 * its stalls. Both come from the same cached brief on the server, read as the dashboard reads.
 */
function useMarkers(day: string): { markers: TimelineMarker[]; spans: TimelineSpan[] } {
  const q = query({ asOf: day, ...knowledgeQuery.value });
  const sc = useApi<{ scorecard: { agreements: { name: string; date: string }[] } }>(`${casePath.value}/scorecard${q}`);
  const pace = useApi<{ pace: Pace }>(`${casePath.value}/pace${q}`);
  const agreements = (sc.data?.scorecard.agreements ?? [])
    .filter((a) => a.date <= day)
    .map((a): TimelineMarker => ({ date: a.date, label: a.name }));
  const steps = (pace.data?.pace.steps ?? []).map(
    (s): TimelineMarker => ({
      date: s.date,
      label: `${s.moves} move${s.moves === 1 ? '' : 's'} (${s.codes.join(', ')})`,
      kind: 'step',
    }),
  );
  const spans = (pace.data?.pace.stalls ?? []).map((s) => ({
    from: s.from,
    to: s.to,
    label: `stalled ${s.days} days${s.open ? ', still' : ''}`,
  }));
  return { markers: [...agreements, ...steps], spans };
}

/** Moves on a shared time axis, filtered by what the address says, with their table and export. */
export function TimelineView() {
  const filters = filtersFromUrl();
  const page = Math.max(1, Number(param('page')) || 1);
  const chart = useApi<TimelineData>(`${casePath.value}/timeline${query(filters)}`);
  const table = useApi<EventsPage>(`${casePath.value}/events${query({ ...filters, page, pageSize: PAGE_SIZE })}`);
  const { markers, spans } = useMarkers(filters.to);
  const parties = caseInfo.value?.settings.parties;
  const dyad = parties?.length === 2 ? (parties as [string, string]) : undefined;
  const total = table.data?.total ?? 0;
  // Past the server's counting cap the total is a lower bound: "10,000+", and more pages may follow.
  const exact = table.data?.totalExact ?? true;
  const plus = exact ? '' : '+';
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportQuery = query({ ...filters, format: 'csv' });
  return (
    <div class="view timeline-view">
      <h1>Timeline of moves</h1>
      <FilterForm />
      <p class="summary" role="status">
        {table.data ? `${total.toLocaleString('en-US')}${plus} moves up to ${filters.to} match.` : 'Loading…'}{' '}
        <a href={`${casePath.value}/export/events${exportQuery}`} download>
          Download CSV
        </a>{' '}
        <a href={`${casePath.value}/export/events${query({ ...filters, format: 'json' })}`} download>
          Download JSON
        </a>
      </p>
      {chart.data?.mode === 'moves' ? (
        <>
          <p class="muted chart-key">
            Filled marks are confirmed moves, hollow ones proposed. ▼ along the top: an engagement step (a day of talks,
            a visit or a signing, as the pace counts them); dashed lines: agreements signed; grey bands: stalls in the
            pace.
          </p>
          <Chart
            label="Moves over time, one lane per direction"
            deps={[chart.data, markers.length, spans.length]}
            draw={(document, width) =>
              movesTimelineChart((chart.data as { moves: TimelineMove[] }).moves, {
                document,
                width,
                markers,
                spans,
                asOf: filters.to,
                from: caseSpan.value.from,
                to: filters.to,
                ...(dyad ? { dyad } : {}),
              }) as unknown as Element
            }
          />
        </>
      ) : chart.data?.mode === 'bins' ? (
        <>
          <p class="muted">
            {chart.data.total.toLocaleString('en-US')} moves are too many to draw one by one: counted by{' '}
            {chart.data.period}, the six busiest directions apart. Filter to 2,000 or fewer to see each move.
          </p>
          <Chart
            label="Moves counted per period, by direction and quad class"
            deps={[chart.data]}
            draw={(document, width) => {
              const d = chart.data as { bins: MoveBin[]; period: 'day' | 'month' };
              return binsChart(d.bins, d.period, { document, width });
            }}
          />
        </>
      ) : null}
      {table.error ? <p class="error">{table.error}</p> : null}
      {table.data ? (
        <>
          <MoveTable events={table.data.events} caption={`Moves, page ${page} of ${pages}${plus}`} />
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
              ← Earlier page
            </button>
            <span>
              Page {page} of {pages}
              {plus}
            </span>
            <button
              type="button"
              disabled={exact && page >= pages}
              onClick={() => setParams({ page: String(page + 1) })}
            >
              Later page →
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
