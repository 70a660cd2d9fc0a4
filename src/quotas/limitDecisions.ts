import type { Plan } from '../config/plans';

/** An instance that wrote a counter of an account this recently serves it (and takes a burst share). */
export const SERVING_MS = 5_000;

/**
 * This instance's share of an account's burst limit when `servingInstances` serve it: the limit
 * divided evenly, rounded up (so the account-wide burst is exceeded by at most serving − 1 calls per
 * second, and never reaches 0 for a positive limit). `null`: no burst limit.
 */
export function burstShare(burstPerSecond: number | null, servingInstances: number): number | null {
  if (burstPerSecond === null) return null;
  if (burstPerSecond <= 0) return 0;
  return Math.ceil(burstPerSecond / Math.max(1, servingInstances));
}

/**
 * How many instances serve an account now: this one (it is deciding for the account), and every
 * other instance that wrote one of the account's counters within `SERVING_MS` (an instance writes a
 * counter at each flush in which it admitted or refused one of the account's calls). Instances that
 * serve other accounts only do not count, so one instance serving an account alone has the whole burst.
 */
export function servingInstances(counters: readonly { instance: string; at: number }[], self: string, nowMs: number): number {
  const others = new Set<string>();
  for (const counter of counters) if (counter.instance !== self && nowMs - counter.at <= SERVING_MS) others.add(counter.instance);
  return 1 + others.size;
}

/** Calls left in the window, or `null` when the plan has no quota. */
export function quotaRemaining(plan: Plan, used: number): number | null {
  return plan.callsPer30Days === null ? null : Math.max(0, plan.callsPer30Days - used);
}

/** Whether a call is refused because the window's quota is spent (checked before the burst). */
export function quotaSpent(plan: Plan, used: number): boolean {
  return plan.callsPer30Days !== null && used >= plan.callsPer30Days;
}
