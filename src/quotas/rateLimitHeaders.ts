import type { Plan } from '../config/plans';
import { QUOTA_WINDOW_DAYS } from '../config/plans';

/** What remains of an account's limits for one request. */
export interface LimitState {
  plan: Plan;
  /** Calls left this second for this instance's share of the burst. */
  burstRemaining: number;
  /** Seconds until the burst window restarts. */
  burstResetSeconds: number;
  /** Calls left in the rolling window. */
  quotaRemaining: number;
  /** Seconds until calls free up in the rolling window (0 when none are counted). */
  quotaResetSeconds: number;
}

/**
 * The IETF httpapi `RateLimit-Policy` header (draft-ietf-httpapi-ratelimit-headers, a structured-field
 * list): one item `"burst"` (window 1 s) and one `"quota"` (the rolling window), each only when the
 * plan limits it; undefined when the plan limits nothing. It depends on the plan only, so callers
 * compute it once per plan.
 */
export function rateLimitPolicy(plan: Plan): string | undefined {
  const { burstPerSecond, callsPer30Days } = plan;
  if (burstPerSecond === null && callsPer30Days === null) return undefined;
  const burst = burstPerSecond === null ? undefined : `"burst";q=${burstPerSecond};w=1`;
  const quota = callsPer30Days === null ? undefined : `"quota";q=${callsPer30Days};w=${QUOTA_WINDOW_DAYS * 86_400}`;
  return burst && quota ? `${burst}, ${quota}` : (burst ?? quota);
}

/**
 * The IETF httpapi `RateLimit` header for one request: the same items as `rateLimitPolicy`, each with
 * `r` (remaining, never negative) and `t` (seconds until it resets); undefined when the plan limits nothing.
 */
export function rateLimitValue(state: LimitState): string | undefined {
  const { burstPerSecond, callsPer30Days } = state.plan;
  const burst = burstPerSecond === null ? undefined : `"burst";r=${Math.max(0, state.burstRemaining)};t=${Math.max(0, state.burstResetSeconds)}`;
  const quota = callsPer30Days === null ? undefined : `"quota";r=${Math.max(0, state.quotaRemaining)};t=${Math.max(0, state.quotaResetSeconds)}`;
  return burst && quota ? `${burst}, ${quota}` : (burst ?? quota);
}
