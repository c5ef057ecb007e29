import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.js';
import type { EventsPage, LedgerEvent } from '../api-types.js';
import { asOf, casePath } from '../case-state.js';
import { QuoteWithSpan } from '../parts/quote-with-span.js';
import { ReviewPreview } from '../parts/review-preview.js';
import { SourceList } from '../parts/source-list.js';
import { useApi } from '../use-api.js';
import { EditForm } from './review-edit-form.js';

type Mode = 'idle' | 'reject' | 'edit';

/** Keys of the queue; typing in a field never triggers them. */
function useQueueKeys(handler: (key: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      if (['j', 'k', 'c', 'r', 'e', 'ArrowDown', 'ArrowUp'].includes(e.key)) {
        e.preventDefault();
        handler(e.key);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [handler]);
}

function RejectForm({ onReject, onCancel }: { onReject: (reason: string) => void; onCancel: () => void }) {
  return (
    <form
      class="reject-form"
      onSubmit={(e) => {
        e.preventDefault();
        onReject(String(new FormData(e.target as HTMLFormElement).get('reason') ?? ''));
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label>
        Why reject it? <input name="reason" required data-autofocus size={50} />
      </label>{' '}
      <button type="submit">Reject</button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel (Esc)
      </button>
    </form>
  );
}

function Selected({ e, onDone }: { e: LedgerEvent; onDone: (message: string) => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [error, setError] = useState('');
  const path = `${casePath.value}/events/${encodeURIComponent(e.id)}`;
  // The reason or edit form opens on its first field, since a key opened it.
  useEffect(() => document.querySelector<HTMLElement>('[data-autofocus]')?.focus(), [mode]);
  const decide = async (body: Record<string, unknown>, done: string) => {
    setError('');
    try {
      await api(`${path}/review`, { method: 'POST', json: { ...body, revision: e.revision } });
      setMode('idle');
      onDone(done);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useQueueKeys((key) => {
    if (key === 'c') void decide({ action: 'confirm' }, `Confirmed ${e.id}.`);
    else if (key === 'r') setMode('reject');
    else if (key === 'e') setMode('edit');
  });
  const source = e.sources[0];
  return (
    <section class="selected" aria-label="The proposed move">
      <h2>
        {e.date}: {e.sourceCode} {e.code} {e.targetCode ?? ''}
      </h2>
      {source?.quote ? <QuoteWithSpan quote={source.quote} span={source.span} /> : <p>{e.summary}</p>}
      <p class="muted">
        {e.provenance}, {e.verification}, confidence {e.confidence.toFixed(2)}
        {e.notes ? `; ${e.notes}` : ''}
      </p>
      <SourceList sources={e.sources} />
      <ReviewPreview eventPath={path} asOf={asOf.value} />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'reject' ? (
        <RejectForm
          onReject={(reason) => void decide({ action: 'reject', reason }, `Rejected ${e.id}.`)}
          onCancel={() => setMode('idle')}
        />
      ) : mode === 'edit' ? (
        <EditForm
          event={e}
          onSave={(changes) => void decide({ action: 'edit', changes }, `Edited ${e.id}.`)}
          onCancel={() => setMode('idle')}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void decide({ action: 'confirm' }, `Confirmed ${e.id}.`)}>
            <kbd>c</kbd> Confirm
          </button>
          <button type="button" onClick={() => setMode('edit')}>
            <kbd>e</kbd> Edit
          </button>
          <button type="button" onClick={() => setMode('reject')}>
            <kbd>r</kbd> Reject…
          </button>
        </div>
      )}
    </section>
  );
}

/** Proposed moves from the reader and imports, one at a time: confirm, edit or reject, one key each. */
export function ReviewView() {
  const queue = useApi<EventsPage>(`${casePath.value}/events${query({ status: 'proposed', pageSize: 200 })}`);
  const [index, setIndex] = useState(0);
  const [message, setMessage] = useState('');
  const events = queue.data?.events ?? [];
  const at = Math.min(index, Math.max(0, events.length - 1));
  useQueueKeys((key) => {
    if (key === 'j' || key === 'ArrowDown') setIndex(Math.min(at + 1, events.length - 1));
    if (key === 'k' || key === 'ArrowUp') setIndex(Math.max(at - 1, 0));
  });
  const selected = events[at];
  return (
    <div class="view review-view">
      <h1>Review queue</h1>
      <p class="muted">
        <kbd>j</kbd>/<kbd>k</kbd> next and previous, <kbd>c</kbd> confirm, <kbd>e</kbd> edit, <kbd>r</kbd> reject with a
        reason. Verdict changes are shown for the as-of date, {asOf.value}.
      </p>
      <p role="status" class="summary">
        {queue.data
          ? `${queue.data.total.toLocaleString('en-US')}${queue.data.totalExact ? '' : '+'} proposed.`
          : 'Loading…'}{' '}
        {message}
      </p>
      <div class="queue">
        <ol class="queue-list" aria-label="Proposed moves">
          {events.map((e, i) => (
            <li key={e.id} aria-current={i === at ? 'true' : undefined}>
              <button type="button" onClick={() => setIndex(i)}>
                <span class="date">{e.date}</span> {e.sourceCode} {e.code} {e.targetCode ?? ''}:{' '}
                {e.summary.slice(0, 90)}
              </button>
            </li>
          ))}
        </ol>
        {selected ? (
          <Selected
            key={selected.id}
            e={selected}
            onDone={(m) => {
              setMessage(m);
              queue.reload();
            }}
          />
        ) : (
          <p>The queue is empty.</p>
        )}
      </div>
    </div>
  );
}
