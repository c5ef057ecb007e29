import { commitmentsGridChart, type GridAgreement } from '../../../src/charts/index.js';
import { query } from '../api.js';
import type { Source } from '../api-types.js';
import { asOf, casePath, knowledgeQuery, knowledgeWords } from '../case-state.js';
import { Chart } from '../parts/chart.js';
import { SourceList } from '../parts/source-list.js';
import { useApi } from '../use-api.js';
import { param, setParams } from '../url-state.js';

type Level = 0 | 1 | 2 | 3 | 'na';
interface Change {
  date: string;
  from: Level | null;
  to: Level;
  toName: string;
  events: string[];
  sources: Source[];
  note?: string;
}
interface Provision {
  id: string;
  text: string;
  theme?: string;
  owedBy?: string[];
  status: { date: string; level: Level; levelName: string; events: string[]; sources: Source[]; note?: string } | null;
  levelName: string;
  changes: Change[];
}
interface Agreement {
  id: string;
  name: string;
  date: string;
  overall: { percent: number | null; provisions: number };
  provisions: Provision[];
}

/** A provision's levels over time, from the scorecard's current status and its dated changes. */
function gridAgreement(a: Agreement): GridAgreement {
  return {
    id: a.id,
    name: a.name,
    date: a.date,
    provisions: a.provisions.map((p) => {
      const statuses: { date: string; level: Level; note?: string }[] = [];
      const first = p.changes[0];
      if (first && first.from !== null && first.date > a.date) statuses.push({ date: a.date, level: first.from });
      for (const c of p.changes) statuses.push({ date: c.date, level: c.to, ...(c.note ? { note: c.note } : {}) });
      if (!p.changes.length && p.status) statuses.push({ date: p.status.date, level: p.status.level });
      return {
        id: p.id,
        text: p.text,
        ...(p.theme ? { theme: p.theme } : {}),
        ...(p.owedBy ? { owedBy: p.owedBy } : {}),
        statuses,
      };
    }),
  };
}

function ProvisionRow({ p }: { p: Provision }) {
  return (
    <tr>
      <td>{p.text}</td>
      <td>{p.theme ?? ''}</td>
      <td>{p.owedBy?.join(', ') ?? ''}</td>
      <td>{p.status ? `${p.status.level} ${p.levelName} since ${p.status.date}` : 'no status'}</td>
      <td>
        <details>
          <summary>
            {p.changes.length ? `${p.changes.length} change${p.changes.length === 1 ? '' : 's'}` : 'evidence'}
          </summary>
          {p.status?.note ? <p>{p.status.note}</p> : null}
          {p.status?.events.length ? <p>Moves: {p.status.events.join(', ')}</p> : null}
          <SourceList sources={p.status?.sources} />
          {p.changes.map((c) => (
            <p key={c.date}>
              {c.date}: {c.from ?? 'none'} → {c.to} ({c.toName}){c.note ? `: ${c.note}` : ''}
            </p>
          ))}
        </details>
      </td>
    </tr>
  );
}

/** The commitment scorecard as a grid of provisions over time (Peace Accords Matrix 0–3), and each provision's evidence. */
export function CommitmentsView() {
  const sc = useApi<{ scorecard: { agreements: Agreement[]; since?: string } }>(
    `${casePath.value}/scorecard${query({ asOf: asOf.value, ...knowledgeQuery.value })}`,
  );
  const groupBy = (['agreement', 'party', 'theme'].includes(param('group')) ? param('group') : 'agreement') as
    | 'agreement'
    | 'party'
    | 'theme';
  const agreements = sc.data?.scorecard.agreements ?? [];
  return (
    <div class="view commitments-view">
      <h1>Commitments</h1>
      <label>
        Group by{' '}
        <select value={groupBy} onChange={(e) => setParams({ group: (e.target as HTMLSelectElement).value })}>
          <option value="agreement">agreement</option>
          <option value="party">party</option>
          <option value="theme">theme</option>
        </select>
      </label>
      <p class="muted">
        Levels: 0 not started, 1 minimal, 2 intermediate, 3 full (Peace Accords Matrix); a dashed cell marked “–” or “no
        status yet” is a provision no source has yet given a level. On {asOf.value}, {knowledgeWords.value}.
      </p>
      {agreements.length ? (
        <Chart
          label="Provisions over time, by implementation level"
          deps={[sc.data, groupBy]}
          draw={(document, width) =>
            commitmentsGridChart(agreements.map(gridAgreement), {
              document,
              width,
              to: asOf.value,
              groupBy,
            }) as unknown as Element
          }
        />
      ) : null}
      {agreements.map((a) => (
        <section key={a.id} aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>
            {a.name} ({a.date}): {a.overall.percent === null ? 'no score' : `${Math.round(a.overall.percent)}%`} of full
            implementation
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Provision</th>
                <th scope="col">Theme</th>
                <th scope="col">Owed by</th>
                <th scope="col">Level</th>
                <th scope="col">Changes and evidence</th>
              </tr>
            </thead>
            <tbody>
              {a.provisions.map((p) => (
                <ProvisionRow key={p.id} p={p} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
