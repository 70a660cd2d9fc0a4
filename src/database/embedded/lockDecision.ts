/** What a data folder's lock file records. */
export interface DataDirLock {
  /** The node process that owns the folder. */
  ownerPid: number;
  /** The FerretDB process it runs on the folder (absent until it started). */
  ferretdbPid?: number;
  /** The port FerretDB listens on. */
  port?: number;
  startedAt: string;
}

/** What is known about the processes a lock names. */
export interface LockProbe {
  ownerAlive: boolean;
  /** Whether the recorded FerretDB is alive and serves this very folder. */
  ferretdbAlive: boolean;
}

/** What to do with an existing lock. */
export type LockDecision = 'refuse' | 'stop-orphan' | 'take-over';

/**
 * Decides about a lock found at start: a live owner keeps the folder (this start is refused, two
 * servers never open one folder); a dead owner whose FerretDB still runs left an orphan to stop
 * first; a dead owner with no FerretDB left a stale lock to take over.
 */
export function decideAboutLock(probe: LockProbe): LockDecision {
  if (probe.ownerAlive) return 'refuse';
  return probe.ferretdbAlive ? 'stop-orphan' : 'take-over';
}
