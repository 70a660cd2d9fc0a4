/**
 * The limits every test gateway and server process runs with unless a test sets its own: the
 * default plans (and their key caps) without call quota or burst limit, and a per-address limit on
 * bad keys no test reaches. Counting still runs. Tests of the limits pass their own `PLANS_JSON`.
 */
export const RELAXED_QUOTAS_ENV: Record<string, string> = {
  PLANS_JSON: JSON.stringify(
    Object.fromEntries(['free', 'basic', 'pro', 'enterprise'].map((plan) => [plan, { callsPer30Days: null, burstPerSecond: null }])),
  ),
  BAD_KEY_LIMIT: '100000',
};
