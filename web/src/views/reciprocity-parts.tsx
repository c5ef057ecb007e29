interface Sum {
  net: number;
  cooperation: number;
  conflict: number;
  count: number;
}
interface Unanswered {
  id: string;
  date: string;
  code: string;
  kind: string;
  summary: string;
  verification: string;
  answerBy: string;
  open: boolean;
}
export interface Direction {
  sums: { total: Sum; material: Sum; verbal: Sum };
  concessions: {
    tally: { yields: { count: number }; intentsToYield: { count: number } };
    answered: number;
    unanswered: Unanswered[];
  };
}
interface Ratio {
  value: number | null;
  received: number;
  given: number;
  reason: string | null;
  receivedMoves: number;
  givenMoves: number;
  enoughMoves: boolean;
  interval: { low: number; high: number } | null;
  intervalReason: string | null;
}
export interface Reciprocity {
  dyad: { a: string[]; b: string[] };
  settings: { answerWithinDays: number };
  aToB: Direction & { from: string; to: string };
  bToA: Direction & { from: string; to: string };
  ratios: { a: { side: string; functional: Ratio }; b: { side: string; functional: Ratio } };
  responses: {
    ofB: {
      crossCorrelation: { lags: { lag: number; n: number; r: number | null; reason: string | null }[] };
      regression: { fit: { reading: string } | null; reason: string | null };
    };
  };
}

const f1 = (n: number) => n.toFixed(1);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Goldstein sums of each direction, material and verbal, with the number of moves. */
export function SumsTable({ sides }: { sides: [string, Direction][] }) {
  return (
    <table>
      <caption>Sums of Goldstein weights (moves in brackets)</caption>
      <thead>
        <tr>
          <th scope="col">Direction</th>
          <th scope="col">Net</th>
          <th scope="col">Cooperation</th>
          <th scope="col">Conflict</th>
          <th scope="col">Material net</th>
          <th scope="col">Verbal net</th>
        </tr>
      </thead>
      <tbody>
        {sides.map(([label, d]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="num">
              {f1(d.sums.total.net)} ({d.sums.total.count})
            </td>
            <td class="num">{f1(d.sums.total.cooperation)}</td>
            <td class="num">{f1(d.sums.total.conflict)}</td>
            <td class="num">
              {f1(d.sums.material.net)} ({d.sums.material.count})
            </td>
            <td class="num">
              {f1(d.sums.verbal.net)} ({d.sums.verbal.count})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A direction's concessions, and which were not answered in k days. */
export function ConcessionTable({ label, d, k }: { label: string; d: Direction; k: number }) {
  const c = d.concessions;
  const total = c.tally.yields.count + c.tally.intentsToYield.count;
  return (
    <div>
      <h3>{label}</h3>
      <p>
        {plural(total, 'concession')} ({plural(c.tally.yields.count, 'yield')},{' '}
        {plural(c.tally.intentsToYield.count, 'intent to yield', 'intents to yield')}); {c.answered} answered within {k}{' '}
        days, {c.unanswered.length} not.
      </p>
      {c.unanswered.length ? (
        <table>
          <caption>Not answered within {k} days</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Move</th>
              <th scope="col">Verification</th>
              <th scope="col">Answer due by</th>
            </tr>
          </thead>
          <tbody>
            {c.unanswered.map((u) => (
              <tr key={u.id}>
                <td class="date">{u.date}</td>
                <td>
                  {u.kind} ({u.code})
                </td>
                <td>{u.summary}</td>
                <td>{u.verification}</td>
                <td class="date">
                  {u.answerBy}
                  {u.open ? ' (still open)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The functional ratio of one side: material cooperation received over given, with its interval or why there is none. */
export function RatioLine({ side, other }: { side: { side: string; functional: Ratio }; other: string }) {
  const r = side.functional;
  const value =
    r.value === null
      ? `no ratio: ${r.reason}`
      : r.enoughMoves
        ? r.value.toFixed(2)
        : `${r.value.toFixed(2)} (too few moves to weigh)`;
  return (
    <p>
      <b>{side.side}</b> received {f1(r.received)} ({r.receivedMoves} moves) of material cooperation from {other} and
      gave {f1(r.given)} ({r.givenMoves}): ratio {value}
      {r.interval
        ? `, 95% interval ${r.interval.low.toFixed(2)}–${r.interval.high.toFixed(2)}`
        : r.intervalReason
          ? `; no interval: ${r.intervalReason}`
          : ''}
      .
    </p>
  );
}
