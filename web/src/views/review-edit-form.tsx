import type { LedgerEvent } from '../api-types.js';

/** The fields an edit may change: date, code, the two actors, and how the move is known. */
export function EditForm({
  event,
  onSave,
  onCancel,
}: {
  event: LedgerEvent;
  onSave: (changes: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const changes: Record<string, unknown> = {};
    const put = (name: string, current: string | undefined) => {
      const v = String(f.get(name) ?? '').trim();
      if (v !== (current ?? '')) changes[name] = v === '' && name === 'target' ? null : v;
    };
    put('date', event.date);
    put('code', event.code);
    put('source', event.sourceActor);
    put('target', event.targetActor);
    put('verification', event.verification);
    onSave(changes);
  };
  return (
    <form class="edit-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label>
        Date <input name="date" type="date" defaultValue={event.date} required data-autofocus />
      </label>
      <label>
        CAMEO code <input name="code" defaultValue={event.code} pattern="\d{2,4}" size={5} required />
      </label>
      <label>
        Source actor <input name="source" defaultValue={event.sourceActor} size={16} required />
      </label>
      <label>
        Target actor <input name="target" defaultValue={event.targetActor ?? ''} size={16} />
      </label>
      <label>
        Verification{' '}
        <select name="verification" defaultValue={event.verification}>
          <option>verified</option>
          <option>observed</option>
          <option>claimed</option>
        </select>
      </label>
      <button type="submit">Save the edit</button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel (Esc)
      </button>
    </form>
  );
}
