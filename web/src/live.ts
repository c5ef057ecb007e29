import { signal } from '@preact/signals';

/** Bumped on every change the case's live stream reports: data hooks fetch again when it moves. */
export const liveRevision = signal(0);

export interface LiveNote {
  at: string;
  text: string;
}

/** The latest changes heard, newest first, for the status line. */
export const liveNotes = signal<LiveNote[]>([]);
export const liveConnected = signal(false);

let source: EventSource | null = null;
let sourceCase = '';

interface ChangeData {
  actor?: string;
  kind?: string;
  action?: string;
  subject?: string;
  status?: string;
}

function note(text: string): void {
  liveNotes.value = [{ at: new Date().toLocaleTimeString(), text }, ...liveNotes.value].slice(0, 5);
}

/**
 * Listens to one case's stream (the server's server-sent events). EventSource reconnects by
 * itself, sending the last id it saw, so the server replays the changes missed meanwhile.
 */
export function listen(caseId: string): void {
  if (sourceCase === caseId && source) return;
  source?.close();
  sourceCase = caseId;
  source = new EventSource(`/api/cases/${encodeURIComponent(caseId)}/stream`);
  source.addEventListener('open', () => {
    liveConnected.value = true;
  });
  source.addEventListener('error', () => {
    liveConnected.value = false;
  });
  source.addEventListener('change', (e) => {
    const d = JSON.parse((e as MessageEvent).data) as ChangeData;
    note(`${d.actor ?? 'someone'} ${d.action ?? 'changed'} ${d.kind ?? ''} ${d.subject ?? ''}`.trim());
    liveRevision.value++;
  });
  source.addEventListener('verdict', (e) => {
    const d = JSON.parse((e as MessageEvent).data) as { conditionId: string; verdict: string; before: string | null };
    note(`${d.conditionId}: ${d.before ?? 'none'} → ${d.verdict}`);
    liveRevision.value++;
  });
}
