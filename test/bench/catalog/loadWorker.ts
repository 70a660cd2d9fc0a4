/**
 * The load generator of `npm run bench:catalog`, in a child process of its own (forked by load.ts)
 * so that autocannon does not share the gateway's event loop, as the peer's bench.mjs does not share
 * Directus's. Receives one run's options over IPC, runs autocannon (warm-up, then the measured
 * run) and sends back the summary.
 */
import autocannon from 'autocannon';
import type { WarmOptions, WarmSummary } from './load';

process.once('message', (options: WarmOptions) => {
  const instance = autocannon({
    url: options.url,
    method: options.method as 'GET' | 'POST',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.duration,
    // Not in @types/autocannon 7, supported by autocannon ≥ 7.11: a run of its own before the measured one.
    ...(options.warmup > 0 ? { warmup: { connections: options.connections, duration: options.warmup } } : {}),
  } as autocannon.Options);
  instance.then(
    (result) => {
      const counts = result as unknown as Record<string, number>;
      const summary: WarmSummary = {
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        total: result.requests.total,
        status2xx: counts['2xx'] ?? 0,
        status4xx: counts['4xx'] ?? 0,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      };
      process.send!(summary, () => process.exit(0));
    },
    (error: unknown) => {
      process.send!({ error: String(error) }, () => process.exit(1));
    },
  );
});
