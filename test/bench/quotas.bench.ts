/**
 * `npm run bench:quotas`: what counting and limits cost. One database, one account, one key, one
 * query; two servers in this process, alternating under autocannon: one with the quota layer
 * (counting, quota and burst decisions, RateLimit headers, the background flush), one with
 * `QUOTAS=off`. Prints requests/s of each and their ratio (budget ≥ 0.95), for a cached REST read
 * (the cheapest request, where the layer weighs most) and a GraphQL list.
 *
 * The machine may be loaded by other work, which changes from second to second. So the two sides
 * run in `BENCH_ROUNDS` short back-to-back pairs (which side goes first alternates), each pair gives
 * one ratio, and the figure is the median of those ratios: a load spike spoils one pair, not the figure.
 * Then, in process (`app.inject`, no sockets), batches of `BENCH_BATCH` requests alternate between the
 * two sides many times, each batch timed by this process's own CPU time (no sockets, no load
 * generator competing for the cores); a second view of what the layer costs per request, though
 * garbage collection and the machine's load still move it by ±10–25 µs between runs.
 * Last, the layer's own work (`QuotaRuntime.admit`: decision, count, header values) timed alone, set
 * against the cheapest request's CPU time without the layer: the steadiest of the three figures.
 * `BENCH_SAME=1` runs both sides without the layer: the ratios it prints are the bench's own bias and noise.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Database } from '../../src/database/database';
import { startEmbeddedDatabase } from '../../src/database/embedded/startEmbeddedDatabase';
import { buildServer } from '../../src/http/buildServer';
import { readAccountUsage } from '../../src/quotas/usageReport';
import { planOf } from '../../src/config/plans';
import { Gateway } from '../../src/runtime/gateway';
import { BENCH_PLAN, benchConfig } from './benchPlans';
import { fixtureContentType } from '../support/fixtures';
import { headersOf, warm } from './catalog/load';
import type { FastifyInstance } from 'fastify';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
/** Decisions per round when the layer's own work is timed alone. */
const DECISIONS = 100_000;

/** This process's CPU µs per request for `count` in-process requests to `app`. */
async function cpuPerRequest(app: FastifyInstance, key: string, request: (typeof REQUESTS)[keyof typeof REQUESTS], count: number): Promise<number> {
  const headers = headersOf({ key, body: request.body });
  const cpu = process.cpuUsage();
  for (let n = 0; n < count; n += 10) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: request.method, url: request.path, headers, payload: request.body })));
    if (answers.some((answer) => answer.statusCode !== 200)) throw new Error(`in-process ${request.path}: ${answers[0].statusCode}`);
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / count;
}

const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

const REQUESTS = {
  'REST list (cached)': { path: '/api/v1/content/category?limit=10', method: 'GET' as const, body: undefined },
  'GraphQL list': { path: '/graphql', method: 'POST' as const, body: JSON.stringify({ query: '{ categoryList(limit: 10) { id name } }' }) },
};

/** One autocannon run (in a child process): requests/s, answers, and this process's CPU µs per answer. */
async function measure(url: string, key: string, request: (typeof REQUESTS)[keyof typeof REQUESTS]): Promise<{ rps: number; count: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const result = await warm(url, { id: 'q', name: 'q', method: request.method, path: request.path, key, body: request.body, expectStatus: 200 }, { connections: CONNECTIONS, duration: DURATION_S, warmup: 0 });
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`${url}: ${result.reason}`);
  return { rps: result.reqPerSec, count: result.total, cpuUs: (used.user + used.system) / Math.max(1, result.total) };
}

async function main(): Promise<void> {
  const config = benchConfig();
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({ dataDir: `${config.dataDir}/bench-${process.pid}`, toolsDir: config.toolsDir, ferretdbBin: config.ferretdbBin, log: console.log });
  const uri = config.mongodbUri ?? embedded!.uri;
  const name = `cgbench_${randomBytes(4).toString('hex')}`;
  const [databaseOn, databaseOff] = [await Database.connect(uri, name), await Database.connect(uri, name)];
  // BENCH_SAME=1: both sides without the quota layer, to see the bench's own bias between its two servers.
  const on = new Gateway(process.env.BENCH_SAME === '1' ? { ...config, quotas: { ...config.quotas, enabled: false } } : config, databaseOn);
  const off = new Gateway({ ...config, quotas: { ...config.quotas, enabled: false } }, databaseOff);
  on.start();
  off.start();
  try {
    const { account, keys } = await on.createAccount({ name: 'Bench quotas', plan: BENCH_PLAN });
    const content = on.content(account._id);
    await content.contentTypes.create(fixtureContentType('category'));
    for (let n = 0; n < 10; n++) await content.objects.create('category', { id: `category-${n}`, name: `Category ${n}` });
    const key = keys.ro!;
    const servers = await Promise.all([buildServer(on), buildServer(off)]);
    const urls: string[] = [];
    for (const server of servers) {
      await server.listen({ host: '127.0.0.1', port: 0 });
      const address = server.server.address();
      urls.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }
    let countedSent = 0;
    console.log(`${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} pairs of runs (on/off alternating which goes first); warm-up first`);
    console.log(`load average at the start: ${loadAverage()} (${os.cpus().length} cores)`);
    for (const [label, request] of Object.entries(REQUESTS)) {
      await measure(urls[1], key, request);
      countedSent += (await measure(urls[0], key, request)).count;
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      const runs = { on: [] as number[], off: [] as number[], onCpu: [] as number[], offCpu: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        const pair = { on: { rps: 0, cpuUs: 0 }, off: { rps: 0, cpuUs: 0 } };
        for (const side of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          const run = await measure(urls[side === 'on' ? 0 : 1], key, request);
          pair[side] = run;
          if (side === 'on') countedSent += run.count;
        }
        runs.on.push(pair.on.rps);
        runs.off.push(pair.off.rps);
        runs.onCpu.push(pair.on.cpuUs);
        runs.offCpu.push(pair.off.cpuUs);
        ratios.push(pair.on.rps / pair.off.rps);
        cpuRatios.push(pair.off.cpuUs / pair.on.cpuUs);
      }
      const list = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(', ');
      const ratio = median(ratios);
      console.log(`${label}: counting off ${median(runs.off).toFixed(0)} req/s median (${list(runs.off)}), on ${median(runs.on).toFixed(0)} req/s median (${list(runs.on)})`);
      console.log(`${label}: server CPU per request off ${median(runs.offCpu).toFixed(1)} µs median (${list(runs.offCpu)}), on ${median(runs.onCpu).toFixed(1)} µs median (${list(runs.onCpu)})`);
      console.log(`${label}: ratios on/off per pair ${list(ratios, 3)}`);
      console.log(
        `${label}: throughput on/off median ${ratio.toFixed(3)}, CPU-bound throughput on/off median ${median(cpuRatios).toFixed(3)} (budget ≥ 0.95: ${ratio >= 0.95 ? 'met' : 'NOT met'}); load average now ${loadAverage()}`,
      );
    }
    console.log(`in process: ${BATCHES} batches of ${BATCH} requests per side, alternating`);
    const offCpuPerRequest: number[] = [];
    for (const [label, request] of Object.entries(REQUESTS)) {
      await cpuPerRequest(servers[0], key, request, BATCH);
      await cpuPerRequest(servers[1], key, request, BATCH);
      const cost = { on: [] as number[], off: [] as number[] };
      for (let batch = 0; batch < BATCHES; batch++) {
        for (const side of batch % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          cost[side].push(await cpuPerRequest(servers[side === 'on' ? 0 : 1], key, request, BATCH));
          if (side === 'on') countedSent += BATCH;
        }
      }
      const on = median(cost.on);
      const off = median(cost.off);
      offCpuPerRequest.push(off);
      console.log(
        `${label} (in process): CPU per request off ${off.toFixed(1)} µs, on ${on.toFixed(1)} µs median; the layer costs ${(on - off).toFixed(1)} µs, CPU-bound throughput on/off ${(off / on).toFixed(3)}; load average now ${loadAverage()}`,
      );
    }
    // The layer's own work per counted request (the decision, the count, the header values), timed
    // alone: steadier than any difference of two whole-request measurements on a shared machine.
    const runtime = servers[0].quotaRuntime;
    const principal = await on.keys.resolveNow(key);
    if (runtime && principal && process.env.BENCH_SAME !== '1') {
      const rounds: number[] = [];
      for (let round = 0; round < 7; round++) {
        const started = process.hrtime.bigint();
        for (let n = 0; n < DECISIONS; n++) runtime.admit(principal.accountId, principal.keyId);
        rounds.push(Number(process.hrtime.bigint() - started) / DECISIONS / 1000);
        countedSent += DECISIONS;
      }
      const layer = median(rounds);
      const cheapest = Math.min(...offCpuPerRequest);
      console.log(
        `the layer's decision alone: ${layer.toFixed(2)} µs per request (median of 7 × ${DECISIONS}); against the cheapest request's ${cheapest.toFixed(1)} µs without it, throughput on/off ${(cheapest / (cheapest + layer)).toFixed(3)} (budget ≥ 0.95: ${cheapest / (cheapest + layer) >= 0.95 ? 'met' : 'NOT met'})`,
      );
    }
    await Promise.all(servers.map((server) => server.close())); // the last flush
    const recorded = (await readAccountUsage(databaseOn, account._id, planOf(config.quotas.plans, BENCH_PLAN))).calls;
    console.log(`calls recorded ${recorded}, sent to the counting server ≥ ${countedSent} (autocannon counts answered requests)`);
    if (process.env.BENCH_SAME !== '1' && recorded < countedSent) throw new Error('the counting server recorded fewer calls than it answered');
  } finally {
    await on.stop();
    await off.stop();
    await databaseOn.drop();
    await databaseOn.close();
    await databaseOff.close();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
