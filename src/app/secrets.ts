import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a session, a sign-in link or an API token: 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A short random id (accounts, tokens) that says nothing of the secret. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * How secrets are stored: SHA-256, hex. The secrets are 256 random bits, so a fast hash is
 * enough (no dictionary to try); passwords, which people choose, get argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
