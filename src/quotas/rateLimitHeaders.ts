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
 * The IETF httpapi `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers,
 * structured-field lists): one item `"burst"` (window 1 s) and one `"quota"` (the rolling window),
 * each only when the plan limits it. Empty when the plan limits nothing.
 */
export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const policies: string[] = [];
  const limits: string[] = [];
  const { burstPerSecond, callsPer30Days } = state.plan;
  if (burstPerSecond !== null) {
    policies.push(`"burst";q=${burstPerSecond};w=1`);
    limits.push(`"burst";r=${Math.max(0, state.burstRemaining)};t=${Math.max(0, state.burstResetSeconds)}`);
  }
  if (callsPer30Days !== null) {
    policies.push(`"quota";q=${callsPer30Days};w=${QUOTA_WINDOW_DAYS * 86_400}`);
    limits.push(`"quota";r=${Math.max(0, state.quotaRemaining)};t=${Math.max(0, state.quotaResetSeconds)}`);
  }
  if (policies.length === 0) return {};
  return { 'ratelimit-policy': policies.join(', '), ratelimit: limits.join(', ') };
}
