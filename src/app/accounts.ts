import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { ConflictError, NotFoundError, ValidationError } from '../model/errors.js';
import { ROLES, type Role } from '../model/account.js';
import { isOneOf, notOneOf } from '../model/one-of.js';
import type { Account } from '../store/account-repository.js';
import type { Store } from '../store/store.js';
import { type Acting, auditEntry, requireRole } from './acting.js';
import { newId } from './secrets.js';

/** argon2id with its recommended defaults (19 MiB, 2 passes). */
const ARGON2ID = 2;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify(hash, password);
  } catch {
    return false;
  }
}

const NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD = 10;

function field(name: string, message: string): ValidationError {
  return new ValidationError([{ location: { file: 'account', field: name }, message }]);
}

export function checkRole(role: string): Role {
  if (!isOneOf(ROLES, role)) throw field('role', notOneOf(ROLES, role));
  return role;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw field('password', `a password needs at least ${MIN_PASSWORD} characters`);
  if (password.length > 1024) throw field('password', 'a password has at most 1,024 characters');
}

/** Adds an account (admin). Without a password, its holder signs in by a one-time link. */
export async function addUser(
  acting: Acting,
  input: { name: string; role: string; password?: string },
): Promise<Account> {
  requireRole(acting, 'admin', 'adding an account');
  const name = input.name.trim().toLowerCase();
  if (!NAME.test(name))
    throw field('name', `"${input.name}" is not an account name (letters, digits, . _ @ -, up to 64)`);
  const role = checkRole(input.role);
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return acting.store.transaction(async (tx) => {
    if (await tx.accounts.byName(name)) throw new ConflictError(`there is already an account named ${name}`);
    const account = await tx.accounts.create({
      id: newId('acc'),
      name,
      role,
      passwordHash,
      createdAt: new Date().toISOString(),
    });
    await tx.audit.record([auditEntry(acting, { kind: 'account', action: 'create', subject: name, after: account })]);
    return account;
  });
}

export async function listUsers(acting: Acting): Promise<Account[]> {
  requireRole(acting, 'admin', 'listing accounts');
  return acting.store.accounts.list();
}

async function existing(store: Store, name: string): Promise<Account> {
  const a = await store.accounts.byName(name.trim().toLowerCase());
  if (!a) throw new NotFoundError(`no account named ${name}; \`parley user list\` lists them`);
  return a;
}

/** Removes an account and its sessions (admin); the last admin stays. */
export async function removeUser(acting: Acting, name: string): Promise<Account> {
  requireRole(acting, 'admin', 'removing an account');
  return acting.store.transaction(async (tx) => {
    const a = await existing(tx, name);
    if (a.role === 'admin' && (await tx.accounts.countAdmins()) === 1)
      throw new ConflictError(`${a.name} is the last admin; make another admin first`);
    await tx.accounts.remove(a.id);
    await tx.audit.record([auditEntry(acting, { kind: 'account', action: 'remove', subject: a.name, before: a })]);
    return a;
  });
}

/** Changes an account's role (admin); the last admin keeps theirs. */
export async function setUserRole(acting: Acting, name: string, role: string): Promise<Account> {
  requireRole(acting, 'admin', "changing an account's role");
  const next = checkRole(role);
  return acting.store.transaction(async (tx) => {
    const a = await existing(tx, name);
    if (a.role === 'admin' && next !== 'admin' && (await tx.accounts.countAdmins()) === 1)
      throw new ConflictError(`${a.name} is the last admin; make another admin first`);
    await tx.accounts.setRole(a.id, next);
    const after = { ...a, role: next };
    await tx.audit.record([auditEntry(acting, { kind: 'account', action: 'role', subject: a.name, before: a, after })]);
    return after;
  });
}

/** Sets the acting account's own password, or (admin) anyone's. */
export async function setPassword(acting: Acting, name: string, password: string): Promise<void> {
  const own =
    acting.user.accountId !== null && (await acting.store.accounts.byId(acting.user.accountId))?.name === name;
  if (!own) requireRole(acting, 'admin', "setting another account's password");
  checkPassword(password);
  const hashed = await hashPassword(password);
  await acting.store.transaction(async (tx) => {
    const a = await existing(tx, name);
    await tx.accounts.setPasswordHash(a.id, hashed);
    // The values before and after are not kept: they are secrets.
    await tx.audit.record([auditEntry(acting, { kind: 'account', action: 'password', subject: a.name })]);
  });
}
