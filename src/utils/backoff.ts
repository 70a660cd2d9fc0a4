/** A retry schedule: the first delay, the factor between delays and the longest delay. */
export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

/** Retries of the embedded database's restarts and of connecting: quick at first, then at most every 5 s. */
export const RECONNECT_BACKOFF: Backoff = { initialMs: 250, factor: 2, maxMs: 5000 };

/**
 * How long to wait before retry number `attempt` (0 for the first retry): `initialMs × factor^attempt`,
 * never more than `maxMs`.
 */
export function backoffDelayMs(attempt: number, backoff: Backoff = RECONNECT_BACKOFF): number {
  const delay = backoff.initialMs * backoff.factor ** Math.max(0, attempt);
  return Math.min(backoff.maxMs, Math.round(delay));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
