import type { LedgerEvent } from '../api-types.js';
import { SourceList } from './source-list.js';

const QUAD = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

/** Moves as a table, each row opening to its sources. */
export function MoveTable({ events, caption }: { events: LedgerEvent[]; caption: string }) {
  return (
    <table class="moves">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Source → target</th>
          <th scope="col">Code</th>
          <th scope="col">Goldstein</th>
          <th scope="col">Quad class</th>
          <th scope="col">Verification</th>
          <th scope="col">Status</th>
          <th scope="col">Move and sources</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td class="date">
              {e.date}
              {e.endDate ? `–${e.endDate}` : ''}
            </td>
            <td>
              {e.sourceCode} → {e.targetCode ?? '—'}
            </td>
            <td>{e.code}</td>
            <td class="num">{e.goldstein.toFixed(1)}</td>
            <td>{QUAD[e.quadClass]}</td>
            <td>{e.verification}</td>
            <td>
              {e.status} <span class="muted">({e.provenance})</span>
            </td>
            <td>
              <details>
                <summary>{e.summary}</summary>
                <SourceList sources={e.sources} />
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
