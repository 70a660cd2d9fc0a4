import type { Plan } from '../config/plans';
import { emptyBurstWindow, type BurstWindow } from './burstWindow';
import { rateLimitPolicy } from './rateLimitHeaders';
import type { StoredCounter } from './usageStore';

/**
 * One account's usage as this instance sees it, rebuilt from the database at every refresh:
 * the calls of the window that the database has and this instance does not hold in memory
 * (`baseCalls`; held calls are added at decision time), and those calls per day (for when they free up).
 */
export interface AccountView {
  plan: Plan;
  /** The plan's `RateLimit-Policy` header (undefined when it limits nothing). */
  policy: string | undefined;
  /** This instance's share of the burst per second (`null`: no burst limit). */
  burstShare: number | null;
  /** This instance's calls of the account in the current second (kept across refreshes). */
  burst: BurstWindow;
  baseCalls: number;
  callsByDay: Map<string, number>;
  /** When this instance last served the account (idle accounts are dropped). */
  lastSeenMs: number;
  /** The next UTC midnight that frees calls (as of the refresh), for the headers under the quota. */
  nextReleaseAt?: number;
}

/** Builds an account's view from its stored counters in the window (burst share: the whole burst). */
export function buildAccountView(
  plan: Plan,
  counters: readonly StoredCounter[],
  windowFirstDay: string,
  heldHere: (id: string) => boolean,
  lastSeenMs: number,
): AccountView {
  let baseCalls = 0;
  const callsByDay = new Map<string, number>();
  for (const counter of counters) {
    if (counter.day < windowFirstDay) continue;
    if (heldHere(counter._id)) continue; // this instance adds its own, newer totals
    callsByDay.set(counter.day, (callsByDay.get(counter.day) ?? 0) + counter.calls);
    baseCalls += counter.calls;
  }
  return { plan, policy: rateLimitPolicy(plan), burstShare: plan.burstPerSecond, burst: emptyBurstWindow(), baseCalls, callsByDay, lastSeenMs };
}
