import { cumulativeNetChart, weeklyReciprocityChart } from '../../../src/charts/index.js';
import { query } from '../api.js';
import { asOf, caseInfo, casePath, knowledgeQuery } from '../case-state.js';
import { Chart } from '../parts/chart.js';
import { useApi } from '../use-api.js';
import { param, setParams } from '../url-state.js';
import { type Direction, type Reciprocity, ConcessionTable, RatioLine, SumsTable } from './reciprocity-parts.js';

interface Answer {
  window: { from: string; to: string; counted: string; note: string | null };
  reciprocity: Reciprocity;
}

function Controls({ k, from }: { k: number; from: string }) {
  return (
    <form
      class="filters"
      aria-label="Window and k"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        setParams({ from: String(f.get('from') ?? ''), k: String(f.get('k') ?? '') });
      }}
    >
      <label>
        Window from <input type="date" name="from" key={from} defaultValue={from} />
      </label>
      <span>to the as-of date, {asOf.value}</span>
      <label>
        k, days to answer a concession{' '}
        <input type="number" name="k" min={1} max={365} defaultValue={String(k)} size={4} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

/** What each side gave and got: weekly series, cumulative net, concessions answered within k days, ratios, lagged correlation. */
export function ReciprocityView() {
  const k = Number(param('k')) || caseInfo.value?.settings.responseDays || 30;
  const r = useApi<Answer>(
    `${casePath.value}/reciprocity/window${query({ asOf: asOf.value, from: param('from'), k: param('k'), ...knowledgeQuery.value })}`,
  );
  const rec = r.data?.reciprocity;
  const names = rec ? { a: rec.dyad.a.join('+'), b: rec.dyad.b.join('+') } : { a: 'A', b: 'B' };
  const sides: [string, Direction][] = rec
    ? [
        [`${names.a} → ${names.b}`, rec.aToB],
        [`${names.b} → ${names.a}`, rec.bToA],
      ]
    : [];
  return (
    <div class="view reciprocity-view">
      <h1>
        Reciprocity {names.a} ↔ {names.b}
      </h1>
      <Controls k={k} from={param('from') || r.data?.window.from || ''} />
      {r.error ? <p class="error">{r.error}</p> : null}
      {r.data ? (
        <>
          <p class="muted">
            {r.data.window.counted} {r.data.window.note ?? ''}
          </p>
          <SumsTable sides={sides} />
          <h2>Weekly cooperation and conflict</h2>
          <Chart
            label="Weekly cooperation and conflict of each direction"
            deps={[rec]}
            draw={(document, width) => weeklyReciprocityChart(rec as never, { document, width }) as unknown as Element}
          />
          <h2>Cumulative net</h2>
          <Chart
            label="Cumulative net Goldstein of each direction"
            deps={[rec]}
            draw={(document, width) => cumulativeNetChart(rec as never, { document, width }) as unknown as Element}
          />
          <h2>Concessions, and whether they were answered within {rec!.settings.answerWithinDays} days</h2>
          {sides.map(([label, d]) => (
            <ConcessionTable key={label} label={label} d={d} k={rec!.settings.answerWithinDays} />
          ))}
          <h2>Functional reciprocity</h2>
          <RatioLine side={rec!.ratios.a} other={names.b} />
          <RatioLine side={rec!.ratios.b} other={names.a} />
          <h2>Lagged correlation of the weekly net</h2>
          <table>
            <caption>
              How {names.b}'s weekly net follows {names.a}'s, week by week of lag
            </caption>
            <thead>
              <tr>
                <th scope="col">Lag (weeks)</th>
                <th scope="col">r</th>
                <th scope="col">Weeks</th>
              </tr>
            </thead>
            <tbody>
              {rec!.responses.ofB.crossCorrelation.lags.map((l) => (
                <tr key={l.lag}>
                  <td class="num">{l.lag}</td>
                  <td class="num">{l.r === null ? (l.reason ?? '—') : l.r.toFixed(2)}</td>
                  <td class="num">{l.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{rec!.responses.ofB.regression.fit?.reading ?? rec!.responses.ofB.regression.reason}</p>
        </>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </div>
  );
}
