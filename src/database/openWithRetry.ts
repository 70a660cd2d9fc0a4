import type { LogSink } from '../logging/logSink';
import { backoffDelayMs, pause } from '../utils/backoff';
import type { Database } from './database';

/**
 * Opens `database` on the server `uri` names, retrying with backoff (logged each time) until it
 * succeeds or `signal` aborts: a database unreachable at start keeps the process up and not ready
 * instead of ending it. Resolves true once open, false when aborted first.
 */
export async function openWithRetry(
  database: Database,
  uri: string,
  description: string,
  log: LogSink,
  signal: AbortSignal,
): Promise<boolean> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      await database.open(uri);
      log.info({ database: description, attempts: attempt + 1 }, 'database connected');
      return true;
    } catch (error) {
      if (signal.aborted) break;
      const retryInMs = backoffDelayMs(attempt);
      log.warn({ database: description, attempt: attempt + 1, retryInMs, reason: (error as Error).message }, 'database unreachable, not ready; retrying');
      await pause(retryInMs, signal);
    }
  }
  return false;
}
