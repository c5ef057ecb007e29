import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { liveRevision } from './live.js';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Data from a GET route, fetched again when the path changes or the case's live stream reports a
 * change. The last answer stays on screen while the next loads, so a slider moves without flicker.
 */
export function useApi<T>(path: string | null, live = true): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== null });
  const [nonce, setNonce] = useState(0);
  const revision = live ? liveRevision.value : 0;
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => current && setState({ data, loading: false }),
      (err: Error) => current && setState((s) => ({ ...s, error: err.message, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [path, revision, nonce]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setNonce((n) => n + 1) };
}
