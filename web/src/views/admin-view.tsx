import { useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { caseId } from '../case-state.js';
import { useApi } from '../use-api.js';
import { param, setParams } from '../url-state.js';

const ROLES = ['viewer', 'analyst', 'admin'] as const;

interface Account {
  id: string;
  name: string;
  role: string;
  hasPassword: boolean;
  createdAt: string;
}
interface Token {
  id: string;
  name: string;
  role: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  route: string;
  kind: string;
  action: string;
  caseId: string | null;
  subject: string;
  note: string | null;
}

/** Runs a change, then says how it went in the view's status line. */
function useAction(done: () => void): [string, (what: () => Promise<unknown>, ok: string) => Promise<void>] {
  const [status, setStatus] = useState('');
  const run = async (what: () => Promise<unknown>, ok: string) => {
    try {
      await what();
      setStatus(ok);
      done();
    } catch (err) {
      setStatus((err as Error).message);
    }
  };
  return [status, run];
}

function Accounts() {
  const users = useApi<{ users: Account[] }>('/api/users');
  const [status, run] = useAction(users.reload);
  const add = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const body = { name: String(f.get('name')), role: String(f.get('role')), password: String(f.get('password')) };
    void run(() => api('/api/users', { method: 'POST', json: body }), `Added ${body.name}.`).then(() => form.reset());
  };
  return (
    <section aria-labelledby="accounts-h">
      <h2 id="accounts-h">Accounts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Signs in by</th>
            <th scope="col">Since</th>
            <th scope="col">Remove</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>
                <select
                  aria-label={`Role of ${u.name}`}
                  value={u.role}
                  onChange={(e) => {
                    const role = (e.target as HTMLSelectElement).value;
                    void run(
                      () => api(`/api/users/${encodeURIComponent(u.name)}/role`, { method: 'PUT', json: { role } }),
                      `${u.name} is now ${role}.`,
                    );
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>{u.hasPassword ? 'password' : 'one-time link'}</td>
              <td>{u.createdAt.slice(0, 10)}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    confirm(`Remove ${u.name}?`) &&
                    void run(
                      () => api(`/api/users/${encodeURIComponent(u.name)}`, { method: 'DELETE' }),
                      `Removed ${u.name}.`,
                    )
                  }
                >
                  Remove {u.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="row" onSubmit={add} aria-label="Add an account">
        <label>
          Name <input name="name" required maxLength={64} />
        </label>
        <label>
          Role{' '}
          <select name="role">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="new-password" required minLength={8} />
        </label>
        <button type="submit">Add the account</button>
      </form>
      <p class="muted">`parley user add NAME --role ROLE` makes an account that signs in by a one-time link instead.</p>
      <p role="status">{status}</p>
    </section>
  );
}

function Tokens() {
  const tokens = useApi<{ tokens: Token[] }>('/api/tokens');
  const [secret, setSecret] = useState('');
  const [status, run] = useAction(tokens.reload);
  const create = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const body = { name: String(f.get('name')) || undefined, role: String(f.get('role')) };
    void run(
      async () => setSecret((await api<{ token: string }>('/api/tokens', { method: 'POST', json: body })).token),
      'Token created: copy it now, it is not shown again.',
    );
  };
  return (
    <section aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Made by</th>
            <th scope="col">Made</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.role}</td>
              <td>{t.createdBy}</td>
              <td>{t.createdAt.slice(0, 10)}</td>
              <td>{t.lastUsedAt?.slice(0, 10) ?? 'never'}</td>
              <td>
                {t.revokedAt ? (
                  `revoked ${t.revokedAt.slice(0, 10)}`
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      void run(
                        () => api(`/api/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' }),
                        `Revoked ${t.name}.`,
                      )
                    }
                  >
                    Revoke {t.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="row" onSubmit={create} aria-label="Create a token">
        <label>
          Name <input name="name" maxLength={100} />
        </label>
        <label>
          Role{' '}
          <select name="role">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">Create a token</button>
      </form>
      {secret ? (
        <p>
          <label>
            New token{' '}
            <input readOnly value={secret} size={50} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          </label>
        </p>
      ) : null}
      <p role="status">{status}</p>
    </section>
  );
}

function Audit() {
  const scope = param('auditCase') === 'all' ? undefined : caseId.value;
  const audit = useApi<{ entries: AuditEntry[] }>(
    `/api/audit${query({ case: scope, kind: param('auditKind'), limit: 200 })}`,
  );
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">Audit trail</h2>
      <div class="row">
        <label>
          Cases{' '}
          <select
            value={param('auditCase') || 'this'}
            onChange={(e) => setParams({ auditCase: (e.target as HTMLSelectElement).value === 'all' ? 'all' : null })}
          >
            <option value="this">this case</option>
            <option value="all">all, and accounts</option>
          </select>
        </label>
        <label>
          Kind{' '}
          <select
            value={param('auditKind')}
            onChange={(e) => setParams({ auditKind: (e.target as HTMLSelectElement).value })}
          >
            <option value="">any</option>
            {['event', 'provision', 'facility', 'condition', 'account', 'token', 'case', 'source'].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      <table>
        <caption>The latest {audit.data?.entries.length ?? 0} changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Through</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {audit.data?.entries.map((a) => (
            <tr key={a.id}>
              <td class="date">{a.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{a.actor}</td>
              <td>{a.route}</td>
              <td>
                {a.action} {a.kind}
              </td>
              <td>{a.subject}</td>
              <td>{a.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Accounts, roles, API tokens and the audit trail (admins). */
export function AdminView() {
  return (
    <div class="view admin-view">
      <h1>Admin</h1>
      <Accounts />
      <Tokens />
      <Audit />
    </div>
  );
}
