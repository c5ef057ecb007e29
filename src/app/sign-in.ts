import { AuthenticationError, LockedError } from '../model/errors.js';
import type { Account } from '../store/account-repository.js';
import type { Store } from '../store/store.js';
import type { ActingUser } from './acting.js';
import { verifyPassword } from './accounts.js';
import { hashSecret, newSecret } from './secrets.js';

/** Sign-in limits: failures within the window lock the account (or the address) until the window passes. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 };
export const SESSION_DAYS = 14;
export const LINK_HOURS = 24;

export interface OpenedSession {
  /** The cookie's value; only its hash is stored. */
  secret: string;
  csrfToken: string;
  account: Account;
  expiresAt: string;
}

async function openSession(store: Store, account: Account): Promise<OpenedSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await store.sessions.create(hashSecret(secret), {
    accountId: account.id,
    kind: 'session',
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { secret, csrfToken, account, expiresAt };
}

async function lockedFor(store: Store, name: string, address: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  const check = async (f: { n: number; last: string | null }, limit: number, what: string) => {
    if (f.n < limit || !f.last) return;
    const until = new Date(f.last).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000;
    const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new LockedError(
      `${what} is locked after ${f.n} failed sign-ins; try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}`,
      seconds,
    );
  };
  await check(await store.signIns.failuresForAccount(name, since), SIGN_IN_LIMITS.perAccount, `the account ${name}`);
  await check(
    await store.signIns.failuresFromAddress(address, since),
    SIGN_IN_LIMITS.perAddress,
    `sign-in from ${address}`,
  );
}

/**
 * Signs in with a name and password. Every attempt is recorded; too many failures lock the
 * account, or the address, for a while, and say so (before the password is even checked).
 */
export async function signInWithPassword(
  store: Store,
  input: { name: string; password: string; address: string },
): Promise<OpenedSession> {
  const name = input.name.trim().toLowerCase().slice(0, 64);
  const now = new Date();
  await lockedFor(store, name, input.address, now);
  const account = await store.accounts.byName(name);
  const hash = account ? await store.accounts.passwordHash(account.id) : null;
  const ok = account !== undefined && hash !== null && (await verifyPassword(hash, input.password));
  await store.signIns.record(name, input.address, ok, now.toISOString());
  if (!ok || !account) throw new AuthenticationError('the name or password is wrong');
  return openSession(store, account);
}

/** A one-time sign-in link's secret for an account (the first admin's, printed on the terminal). */
export async function createSignInLink(store: Store, accountId: string): Promise<string> {
  const secret = newSecret();
  const now = new Date();
  await store.sessions.create(hashSecret(secret), {
    accountId,
    kind: 'link',
    csrfToken: '',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LINK_HOURS * 3_600_000).toISOString(),
  });
  return secret;
}

/** Opens a session from a sign-in link; the link works once. */
export async function openSignInLink(store: Store, secret: string): Promise<OpenedSession> {
  const hash = hashSecret(secret);
  const link = await store.sessions.find(hash, new Date().toISOString());
  if (link?.kind !== 'link' || !(await store.sessions.remove(hash)))
    throw new AuthenticationError('this sign-in link is not valid: it was used already, or it expired');
  const account = await store.accounts.byId(link.accountId);
  if (!account) throw new AuthenticationError('the account of this sign-in link was removed');
  return openSession(store, account);
}

export interface SessionUser {
  user: ActingUser;
  csrfToken: string;
}

/** The user of a session cookie, or undefined when it is unknown or expired. */
export async function sessionUser(store: Store, secret: string): Promise<SessionUser | undefined> {
  const s = await store.sessions.find(hashSecret(secret), new Date().toISOString());
  if (s?.kind !== 'session') return undefined;
  const account = await store.accounts.byId(s.accountId);
  if (!account) return undefined;
  return { user: { name: account.name, accountId: account.id, role: account.role }, csrfToken: s.csrfToken };
}

export async function signOut(store: Store, secret: string): Promise<void> {
  await store.sessions.remove(hashSecret(secret));
}
