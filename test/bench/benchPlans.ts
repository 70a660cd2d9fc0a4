import { loadConfig, type Config } from '../../src/config/config';

/** The plan bench accounts are on: limits no benchmark reaches, so counting runs but nothing is refused. */
export const BENCH_PLAN = 'bench';

/** The configuration of a benchmark: the environment's, with the `bench` plan added. */
export function benchConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const plans = { ...(env.PLANS_JSON ? JSON.parse(env.PLANS_JSON) : {}), [BENCH_PLAN]: { callsPer30Days: 2_000_000_000, burstPerSecond: 1_000_000, maxUserKeys: 1000 } };
  return { ...loadConfig({ ...env, PLANS_JSON: JSON.stringify(plans), BAD_KEY_LIMIT: env.BAD_KEY_LIMIT ?? '100000' }), port: 0 };
}
