/**
 * Plans: what an account may use. `null` means "no limit" for the call quota and the burst.
 * Defaults below; `PLANS_JSON` (or the file named by `PLANS_FILE`) overrides them field by field
 * and may add plans (a new plan names all three fields).
 */
export interface Plan {
  name: string;
  /** Calls allowed in the rolling window of `QUOTA_WINDOW_DAYS` (UTC days), all keys together. */
  callsPer30Days: number | null;
  /** Calls per second, account-wide. */
  burstPerSecond: number | null;
  /** User-defined keys the account may have. */
  maxUserKeys: number;
}

/** The rolling window of the call quota, in whole UTC days (today and the 29 days before). */
export const QUOTA_WINDOW_DAYS = 30;

/** The documented default plans. */
export const DEFAULT_PLANS: Readonly<Record<string, Plan>> = Object.freeze({
  free: { name: 'free', callsPer30Days: 100_000, burstPerSecond: 20, maxUserKeys: 5 },
  basic: { name: 'basic', callsPer30Days: 1_000_000, burstPerSecond: 50, maxUserKeys: 25 },
  pro: { name: 'pro', callsPer30Days: 5_000_000, burstPerSecond: 200, maxUserKeys: 100 },
  enterprise: { name: 'enterprise', callsPer30Days: 50_000_000, burstPerSecond: 1000, maxUserKeys: 1000 },
});

/** The largest limit a plan may name (GraphQL's Int). */
const MAX_LIMIT = 2_147_483_647;

/**
 * The plans for an override (JSON text: `{"free": {"burstPerSecond": 5}, "team": {...}}`) merged
 * over the defaults. Throws with a message naming the field on anything malformed.
 */
export function parsePlans(overrideJson: string | undefined): Record<string, Plan> {
  const plans: Record<string, Plan> = {};
  for (const [name, plan] of Object.entries(DEFAULT_PLANS)) plans[name] = { ...plan };
  if (overrideJson === undefined || overrideJson.trim() === '') return plans;
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrideJson);
  } catch {
    throw new Error('PLANS_JSON must be a JSON object of plans');
  }
  if (!isObject(parsed)) throw new Error('PLANS_JSON must be a JSON object of plans');
  for (const [name, override] of Object.entries(parsed)) {
    if (!/^[a-z0-9_-]{1,40}$/.test(name)) throw new Error(`PLANS_JSON: plan name "${name}" must be 1-40 of a-z, 0-9, _ and -`);
    if (!isObject(override)) throw new Error(`PLANS_JSON.${name} must be an object`);
    const base = plans[name];
    const limit = (field: 'callsPer30Days' | 'burstPerSecond'): number | null => {
      if (!(field in override)) {
        if (base) return base[field];
        throw new Error(`PLANS_JSON.${name}.${field} is required for a new plan (a number, or null for no limit)`);
      }
      return checkLimit(override[field], `PLANS_JSON.${name}.${field}`, true);
    };
    const keys = 'maxUserKeys' in override ? checkLimit(override.maxUserKeys, `PLANS_JSON.${name}.maxUserKeys`, false) : base?.maxUserKeys;
    if (keys === undefined || keys === null) throw new Error(`PLANS_JSON.${name}.maxUserKeys is required for a new plan`);
    for (const field of Object.keys(override)) {
      if (!['callsPer30Days', 'burstPerSecond', 'maxUserKeys'].includes(field)) throw new Error(`PLANS_JSON.${name}.${field} is not a plan field`);
    }
    plans[name] = { name, callsPer30Days: limit('callsPer30Days'), burstPerSecond: limit('burstPerSecond'), maxUserKeys: keys };
  }
  return plans;
}

/** An account's plan; an unknown name (a plan removed from the configuration) counts as `free`. */
export function planOf(plans: Readonly<Record<string, Plan>>, name: string | undefined): Plan {
  return (name !== undefined && Object.hasOwn(plans, name) ? plans[name] : undefined) ?? plans.free ?? DEFAULT_PLANS.free;
}

/** Why a plan name cannot be assigned (not configured), or undefined when it can. */
export function unknownPlanMessage(plans: Readonly<Record<string, Plan>>, name: string): string | undefined {
  return Object.hasOwn(plans, name) ? undefined : `Unknown plan ${name} (plans: ${Object.keys(plans).join(', ')})`;
}

function checkLimit(value: unknown, path: string, nullable: boolean): number | null {
  if (value === null && nullable) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LIMIT) {
    throw new Error(`${path} must be a whole number from 0 to ${MAX_LIMIT}${nullable ? ' or null' : ''}`);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
