import { type IndicatorChartInput, indicatorChart } from '../../../src/charts/index.js';
import { query } from '../api.js';
import type { Source } from '../api-types.js';
import { asOf, casePath, caseSpan, knowledgeQuery, knowledgeText } from '../case-state.js';
import { Chart } from '../parts/chart.js';
import { SourceList } from '../parts/source-list.js';
import { useApi } from '../use-api.js';

type Measurement = IndicatorChartInput['measurements'][number] & {
  known: string;
  by: string;
  note?: string;
  sources?: Source[];
};
interface Indicator extends IndicatorChartInput {
  id: string;
  facility?: string;
  latest: Measurement | null;
  trend: { from: { date: string }; to: { date: string }; direction: 'up' | 'down' | 'unchanged' } | null;
  measurements: Measurement[];
  note?: string;
}
interface Answer {
  asOf: string;
  knownBy: string | null;
  indicators: Indicator[];
}

const STANDING_WORDS = { true: 'within', false: 'beyond', null: '—' } as const;

function Latest({ i }: { i: Indicator }) {
  if (!i.latest) return <p class="muted">No figure known yet.</p>;
  const standing =
    i.latest.withinLimit === false ? ' — beyond the limit' : i.latest.withinLimit ? ' — within the limit' : '';
  return (
    <p>
      Latest: <b>{i.latest.words}</b> on {i.latest.date} ({i.latest.verification}, {i.latest.reportWords}){standing}
      {i.trend ? `; ${i.trend.direction} since ${i.trend.from.date}` : ''}.
    </p>
  );
}

function MeasurementTable({ i }: { i: Indicator }) {
  return (
    <details>
      <summary>
        The {i.measurements.length} figure{i.measurements.length === 1 ? '' : 's'} and their sources
      </summary>
      <table class="measurements">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Figure</th>
            <th scope="col">Against the limit</th>
            <th scope="col">How known</th>
            <th scope="col">Reported, sources</th>
          </tr>
        </thead>
        <tbody>
          {i.measurements.map((m, n) => (
            <tr key={n}>
              <td class="date">{m.date}</td>
              <td>{m.words}</td>
              <td>{STANDING_WORDS[String(m.withinLimit) as keyof typeof STANDING_WORDS]}</td>
              <td>
                {m.verification}, by {m.by}
              </td>
              <td>
                {m.reportWords}
                {m.note ? <span class="note"> {m.note}</span> : null}
                <SourceList sources={m.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The quantities an agreement limits (stockpiles, enrichment, machines): each over time against its limit. */
export function IndicatorsView() {
  const day = asOf.value;
  const r = useApi<Answer>(`${casePath.value}/indicators${query({ asOf: day, ...knowledgeQuery.value })}`);
  const list = r.data?.indicators ?? [];
  return (
    <div class="view indicators-view">
      <h1>Indicators on {day}</h1>
      {r.data ? (
        <p class="muted">
          Figures up to {day}, {knowledgeText(r.data.asOf, r.data.knownBy)}. The chart's legends name the shapes (how a
          figure is known) and colours (where it stands against the limit); the table below each chart gives every
          figure in words with its sources.
        </p>
      ) : null}
      {r.error ? <p class="error">{r.error}</p> : null}
      {r.data && list.length === 0 ? <p>This case records no indicators.</p> : null}
      {list.map((i) => (
        <section key={i.id} class="indicator" aria-labelledby={`i-${i.id}`}>
          <h2 id={`i-${i.id}`}>{i.name}</h2>
          <p class="muted">
            {i.limit ? `Limit: ${i.limit.words}` : 'No limit'}
            {i.facility ? `; at ${i.facility}` : ''}.{i.note ? ` ${i.note}` : ''}
          </p>
          <Latest i={i} />
          <Chart
            label={`${i.name} over time${i.limit ? ` against the limit (${i.limit.words})` : ''}`}
            deps={[i, day]}
            draw={(document, width) =>
              indicatorChart(i, {
                document,
                width,
                asOf: day,
                from: caseSpan.value.from,
              }) as unknown as Element
            }
          />
          <MeasurementTable i={i} />
        </section>
      ))}
    </div>
  );
}
