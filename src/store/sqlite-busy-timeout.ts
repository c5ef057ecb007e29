/**
 * How long a SQLite connection waits for another process's write lock before it gives up. Every
 * write transaction waits its turn for the lock (sqlite-dialects.ts); an import holds it for one
 * chunk at a time, a few seconds, and a loaded machine stretches that.
 */
export const BUSY_TIMEOUT_MS = 30_000;
