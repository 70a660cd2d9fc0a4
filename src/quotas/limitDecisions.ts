import type { Plan } from '../config/plans';

/**
 * This instance's share of an account's burst limit when `liveInstances` serve it: the limit
 * divided evenly, rounded up (so the account-wide burst is exceeded by at most live − 1 calls per
 * second, and never reaches 0 for a positive limit). `null`: no burst limit.
 */
export function burstShare(burstPerSecond: number | null, liveInstances: number): number | null {
  if (burstPerSecond === null) return null;
  if (burstPerSecond <= 0) return 0;
  return Math.ceil(burstPerSecond / Math.max(1, liveInstances));
}

/** Calls left in the window, or `null` when the plan has no quota. */
export function quotaRemaining(plan: Plan, used: number): number | null {
  return plan.callsPer30Days === null ? null : Math.max(0, plan.callsPer30Days - used);
}

/** Whether a call is refused because the window's quota is spent (checked before the burst). */
export function quotaSpent(plan: Plan, used: number): boolean {
  return plan.callsPer30Days !== null && used >= plan.callsPer30Days;
}
