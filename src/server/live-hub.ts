import pg from 'pg';
import { type AuditEntry, CHANGES_CHANNEL } from '../store/audit-repository.js';
import type { Store } from '../store/store.js';

/** The channel import progress is relayed on between processes of one PostgreSQL database. */
const PROGRESS_CHANNEL = 'parley_progress';

/** A message on a case's live stream. */
export interface LiveMessage {
  /** change: an audit entry; verdict: a condition's verdict moved; import: progress of an import. */
  type: 'change' | 'verdict' | 'import';
  /** The audit id for changes, so a client that reconnects resumes after the last it saw. */
  id?: number;
  caseId: string | null;
  data: unknown;
}

type Listener = (m: LiveMessage) => void;

/**
 * Carries every change to the clients of this process, wherever the change was made. On
 * PostgreSQL the audit trail announces each entry with NOTIFY on commit (`LISTEN` here hears the
 * other processes, the CLI included); on SQLite a 200 ms poll of the audit trail's newest id does
 * the same. Either way, the entries are then read from the audit trail itself, in order.
 */
export class LiveHub {
  private cursor = 0;
  private readonly listeners = new Set<{ caseId: string | null; fn: Listener }>();
  private readonly changeWatchers = new Set<(entries: AuditEntry[]) => void>();
  private timer: NodeJS.Timeout | undefined;
  private client: pg.Client | undefined;
  private reading: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly pollMs = 200,
  ) {}

  async start(): Promise<void> {
    this.cursor = await this.store.audit.lastId();
    const { opened } = this.store;
    if (opened.dialect === 'postgres') {
      this.client = new pg.Client({
        connectionString: opened.location,
        ...(opened.schema ? { options: `-c search_path=${opened.schema}` } : {}),
      });
      await this.client.connect();
      this.client.on('notification', (n) => {
        if (n.channel === PROGRESS_CHANNEL && n.payload) this.deliver(JSON.parse(n.payload) as LiveMessage, false);
        else this.poke();
      });
      this.client.on('error', () => undefined);
      await this.client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await this.client.query(`LISTEN ${PROGRESS_CHANNEL}`);
    }
    // On PostgreSQL too, a slow poll catches what a dropped LISTEN connection missed.
    const every = opened.dialect === 'postgres' ? 5000 : this.pollMs;
    this.timer = setInterval(() => this.poke(), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reading;
    await this.client?.end().catch(() => undefined);
  }

  /** Listens to one case's messages (and to those of no case, such as accounts, when `caseId` is null). */
  subscribe(caseId: string | null, fn: Listener): () => void {
    const entry = { caseId, fn };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  get clients(): number {
    return this.listeners.size;
  }

  /** Called with each batch of new audit entries (cache invalidation, verdict watch). */
  onChanges(fn: (entries: AuditEntry[]) => void): void {
    this.changeWatchers.add(fn);
  }

  /** Reads new audit entries now, rather than at the next poll (after a change made in this process). */
  poke(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew().finally(() => {
      this.reading = undefined;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async readNew(): Promise<void> {
    try {
      const last = await this.store.audit.lastId();
      if (last <= this.cursor) return;
      const entries = await this.store.audit.find({ afterId: this.cursor, limit: 1000 });
      if (entries.length === 0) return;
      this.cursor = entries.at(-1)!.id;
      for (const fn of this.changeWatchers) fn(entries);
      for (const e of entries) this.deliver({ type: 'change', id: e.id, caseId: e.caseId, data: summarise(e) }, false);
      if (entries.length === 1000) this.again = true;
    } catch {
      // The store is closing or unreachable for a moment: the next poll tries again.
    }
  }

  /** Sends a message to this process's clients, and with `relay` to the other processes' too. */
  deliver(m: LiveMessage, relay: boolean): void {
    for (const l of this.listeners) if (l.caseId === m.caseId || m.caseId === null) l.fn(m);
    if (relay && this.client) {
      const payload = JSON.stringify(m);
      if (payload.length < 7900)
        this.client.query('SELECT pg_notify($1, $2)', [PROGRESS_CHANNEL, payload]).catch(() => undefined);
    }
  }

  /** Import progress: to this process's clients at once, and to the others through PostgreSQL. */
  progress(caseId: string | null, data: unknown): void {
    if (this.client) {
      const payload = JSON.stringify({ type: 'import', caseId, data });
      // Our own NOTIFY comes back to us too: deliver it then, once.
      if (payload.length < 7900) {
        this.client.query('SELECT pg_notify($1, $2)', [PROGRESS_CHANNEL, payload]).catch(() => undefined);
        return;
      }
    }
    this.deliver({ type: 'import', caseId, data }, false);
  }
}

/** What a stream says of a change: everything but the full values, which `GET /api/audit` has. */
function summarise(e: AuditEntry): Record<string, unknown> {
  const after = e.after as { status?: string; date?: string; summary?: string } | null;
  return {
    id: e.id,
    at: e.at,
    actor: e.actor,
    route: e.route,
    kind: e.kind,
    action: e.action,
    subject: e.subject,
    ...(after?.status ? { status: after.status } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}
