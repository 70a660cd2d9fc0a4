/** What readiness is decided from. */
export interface ReadinessInput {
  /** The database was opened and prepared once. */
  prepared: boolean;
  shuttingDown: boolean;
  /** The database answered a ping just now (not asked when already decided). */
  databaseAnswers?: boolean;
}

/** Whether to send traffic here, and why not. */
export interface ReadinessState {
  ready: boolean;
  reason?: 'starting' | 'shutting down' | 'database unreachable';
}

/**
 * Decides readiness: not while shutting down, not before the database was opened (start-up, or a
 * database unreachable since start), not while it does not answer; ready otherwise.
 */
export function decideReadiness(input: ReadinessInput): ReadinessState {
  if (input.shuttingDown) return { ready: false, reason: 'shutting down' };
  if (!input.prepared) return { ready: false, reason: 'starting' };
  if (input.databaseAnswers === false) return { ready: false, reason: 'database unreachable' };
  return { ready: true };
}
