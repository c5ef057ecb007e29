/** The server's limits: each request over one gets a clear 4xx, never a half-done change. */
export const LIMITS = {
  /** JSON bodies. */
  bodyBytes: 1024 * 1024,
  /** Uploaded event files (import), compressed or not. */
  uploadBytes: 256 * 1024 * 1024,
  /** Text given to the reader, in characters. */
  textChars: 200_000,
  /** Events on one page. */
  pageSize: 1000,
  /** Live-stream clients per process. */
  streamClients: 2000,
} as const;
