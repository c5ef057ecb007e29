import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { asOf, caseId } from '../case-state.js';

interface ReadEvent {
  sentence: number;
  date: string;
  source: string;
  target: string | null;
  code: string;
  mode: string;
  quote: string;
  confidence: number;
}
interface ReadAnswer {
  events: ReadEvent[];
  warnings: string[];
  added?: { added: number; alreadyRead: boolean; newActors: string[] };
}

const MOVE_MODES = ['asserted', 'reported'];

/** Paste or upload an article, see what the reader codes in it, and send its moves to the review queue. */
export function ReadView() {
  const [text, setText] = useState('');
  const [date, setDate] = useState(asOf.value);
  const [publisher, setPublisher] = useState('');
  const [answer, setAnswer] = useState<ReadAnswer | null>(null);
  const [status, setStatus] = useState('');
  const run = async (into: boolean) => {
    setStatus(into ? 'Sending to the queue…' : 'Reading…');
    try {
      const body = {
        text,
        date,
        name: publisher || 'pasted text',
        ...(publisher ? { publisher } : {}),
        ...(into ? { into: caseId.value } : {}),
      };
      const r = await api<ReadAnswer>('/api/read', { method: 'POST', json: body });
      setAnswer(r);
      const moves = r.events.filter((e) => MOVE_MODES.includes(e.mode)).length;
      setStatus(
        r.added
          ? r.added.alreadyRead
            ? 'This text was read into the case before: nothing added.'
            : `${r.added.added} moves sent to the review queue.`
          : `${r.events.length} events read, ${moves} of them moves (asserted or reported).`,
      );
    } catch (err) {
      setStatus((err as Error).message);
    }
  };
  const upload = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };
  return (
    <div class="view read-view">
      <h1>Read an article</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <label for="read-text">Article text</label>
        <textarea
          id="read-text"
          rows={10}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          required
        />
        <div class="row">
          <label>
            Or upload a text file <input type="file" accept=".txt,text/plain" onChange={(e) => void upload(e)} />
          </label>
          <label>
            Published on{' '}
            <input type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} required />
          </label>
          <label>
            Publisher{' '}
            <input
              value={publisher}
              onInput={(e) => setPublisher((e.target as HTMLInputElement).value)}
              placeholder="Yonhap"
            />
          </label>
        </div>
        <button type="submit" disabled={!text.trim()}>
          Read
        </button>{' '}
        <button type="button" disabled={!answer || !text.trim()} onClick={() => void run(true)}>
          Send the moves to the review queue of {caseId.value}
        </button>
      </form>
      <p role="status">{status}</p>
      {answer?.warnings.length ? (
        <ul class="warnings">
          {answer.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {answer?.events.length ? (
        <table class="moves">
          <caption>What the reader found</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Source → target</th>
              <th scope="col">Code</th>
              <th scope="col">Mode</th>
              <th scope="col">Confidence</th>
              <th scope="col">Sentence</th>
            </tr>
          </thead>
          <tbody>
            {answer.events.map((e, i) => (
              <tr key={i} class={MOVE_MODES.includes(e.mode) ? '' : 'not-a-move'}>
                <td class="date">{e.date}</td>
                <td>
                  {e.source} → {e.target ?? '—'}
                </td>
                <td>{e.code}</td>
                <td>
                  {e.mode}
                  {MOVE_MODES.includes(e.mode) ? '' : ' (not a move)'}
                </td>
                <td class="num">{e.confidence.toFixed(2)}</td>
                <td>{e.quote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
