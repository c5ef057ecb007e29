import { useEffect, useState } from 'preact/hooks';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { facilitiesMapChart, type MapFacility, type WorldTopology } from '../../../src/charts/index.js';
import { query } from '../api.js';
import type { Source } from '../api-types.js';
import { asOf, casePath, caseSpan, knowledgeQuery } from '../case-state.js';
import { Chart } from '../parts/chart.js';
import { facilityStatusChart } from '../parts/facility-status-chart.js';
import { SourceList } from '../parts/source-list.js';
import { useApi } from '../use-api.js';

interface Observation {
  date: string;
  by: string;
  verification: 'verified' | 'observed' | 'claimed';
  finding: string;
  sources: Source[];
  note?: string;
}
interface Facility {
  id: string;
  name: string;
  type: string;
  key: boolean;
  location: string;
  coordinates?: [number, number];
  statusOn: { date: string; status: string } | null;
  statuses: { date: string; status: string; sources: Source[]; note?: string }[];
  observations: Observation[];
}

let world: Promise<WorldTopology> | undefined;
/** The world outline ships with the dashboard as a file of its own, fetched when the map is first shown. */
function useWorld(): WorldTopology | undefined {
  const [w, setW] = useState<WorldTopology>();
  useEffect(() => {
    world ??= fetch(worldUrl).then((r) => r.json() as Promise<WorldTopology>);
    void world.then(setW);
  }, []);
  return w;
}

function lastSeen(f: Facility, day: string): Observation | undefined {
  return f.observations.filter((o) => o.date <= day).at(-1);
}

function toMap(f: Facility, day: string): MapFacility {
  return {
    id: f.id,
    name: f.name,
    key: f.key,
    status: f.statusOn?.status ?? 'unknown',
    verification: lastSeen(f, day)?.verification ?? null,
    coordinates: f.coordinates ?? null,
  };
}

/** The case's facilities on a map, marked by status on the as-of date and how they were last seen; their history below. */
export function FacilitiesView() {
  const day = asOf.value;
  const r = useApi<{ facilities: Facility[] }>(
    `${casePath.value}/facilities${query({ asOf: day, ...knowledgeQuery.value })}`,
  );
  const w = useWorld();
  const facilities = r.data?.facilities ?? [];
  const unplaced = facilities.filter((f) => !f.coordinates);
  return (
    <div class="view facilities-view">
      <h1>Facilities on {day}</h1>
      {w && facilities.length ? (
        <Chart
          label={`Map of ${facilities.length - unplaced.length} facilities by status on ${day}`}
          deps={[r.data, w]}
          draw={(document, width) =>
            facilitiesMapChart(
              facilities.map((f) => toMap(f, day)),
              { document, width, world: w },
            ) as unknown as Element
          }
        />
      ) : (
        <p class="muted">Loading the map…</p>
      )}
      {unplaced.length ? (
        <p class="muted">Not on the map (place not public): {unplaced.map((f) => f.name).join('; ')}.</p>
      ) : null}
      <h2>Status over time, with observations and inspections</h2>
      {facilities.length ? (
        <Chart
          label="Each facility's status over time and its observations"
          deps={[r.data]}
          draw={(document, width) =>
            facilityStatusChart(facilities, { document, width, from: caseSpan.value.from, to: day })
          }
        />
      ) : null}
      <table>
        <caption>Facilities, their status on {day} and their last observation</caption>
        <thead>
          <tr>
            <th scope="col">Facility</th>
            <th scope="col">Key site</th>
            <th scope="col">Status</th>
            <th scope="col">Last observation</th>
            <th scope="col">History and sources</th>
          </tr>
        </thead>
        <tbody>
          {facilities.map((f) => {
            const o = lastSeen(f, day);
            return (
              <tr key={f.id}>
                <td>
                  <b>{f.name}</b>
                  <br />
                  <span class="muted">
                    {f.type}; {f.location}
                  </span>
                </td>
                <td>{f.key ? 'key' : ''}</td>
                <td>{f.statusOn ? `${f.statusOn.status} since ${f.statusOn.date}` : 'unknown'}</td>
                <td>{o ? `${o.date}: ${o.finding}, ${o.verification} (${o.by})` : 'never observed'}</td>
                <td>
                  <details>
                    <summary>{f.statuses.length + f.observations.length} dated entries</summary>
                    <ul>
                      {f.statuses.map((s) => (
                        <li key={`s${s.date}`}>
                          {s.date}: {s.status}
                          {s.note ? `; ${s.note}` : ''}
                          <SourceList sources={s.sources} />
                        </li>
                      ))}
                      {f.observations.map((ob, i) => (
                        <li key={`o${i}`}>
                          {ob.date}: {ob.finding} seen by {ob.by} ({ob.verification}){ob.note ? `; ${ob.note}` : ''}
                          <SourceList sources={ob.sources} />
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
