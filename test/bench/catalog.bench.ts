/**
 * `npm run bench:catalog`: contentgate on the peer benchmark's catalog, measured so that it can be
 * put next to Directus (the shared folder's peer-directus, scenarios a–d).
 *
 * What it does, in one process with the gateway (the load generator runs in a child process):
 *  1. starts the database (`MONGODB_URI`, else embedded FerretDB from `FERRETDB_BIN` / `.tools/bin`)
 *     and the gateway on a free loopback port, creates an account;
 *  2. seeds exactly the peer's catalog (test/bench/catalog/catalogData.ts: 20 categories, 1,000
 *     products, same PRNG and values) through `POST /api/v1/content/{type}/batch`, 100 per batch,
 *     with the read-write key, and reports how long that took;
 *  3. creates a user key that reads every product field but `description`, and reads categories;
 *  4. measures each request warm (autocannon: WARMUP s, then DURATION s, CONNECTIONS connections)
 *     and cold (BENCH_COLD_ITERATIONS times: PATCH one product's price with the read-write key,
 *     then time one read; p50/p99 of the reads alone):
 *       a  GET /api/v1/content/product?limit=100             read-write key
 *       b  GET /api/v1/content/product?limit=100             scoped key
 *       c  GET /api/v1/content/product?limit=100&hydrate=1   scoped key
 *       d  POST /graphql { productList(limit: 100) { … category { id name } } }   scoped key
 *  5. scaling: request a, one existing and one missing product by id, cold p50 and warm req/s with
 *     BENCH_SCALE other objects in the database (the first 10,000 of CTD `other` in the same
 *     account, the rest in another account), seeded through the batch API within a time budget;
 *  6. peak RSS of this process (sampled every 250 ms) and of the database process (VmRSS sampled,
 *     VmHWM at the end);
 *  7. prints markdown tables and writes `.bench/catalog-<timestamp>.json`.
 *
 * Environment (all optional):
 *   BENCH_CONNECTIONS=10 BENCH_DURATION=15 BENCH_WARMUP=3   autocannon load per warm run (seconds)
 *   ONLY=a,b                                                 a subset of the scenarios a–d
 *   BENCH_COLD_ITERATIONS=30 BENCH_COLD_BUDGET=120           cold reads per request, and the loop's budget (s)
 *   BENCH_SCALE=0,10000,50000                                other objects per scaling phase ('' or 'none': no scaling)
 *   BENCH_SEED_BUDGET=1800                                   budget (s) of seeding the catalog (over it the run stops with an error)
 *   BENCH_SCALE_SEED_BUDGET=600                              budget (s) of each scaling phase's seeding; a phase over it is reported as timed out
 *   PEER_RESULTS=/path/to/peer-directus/results              adds the peer's medians and the ratio to the table
 *   FERRETDB_BIN, MONGODB_URI                                as everywhere in the project
 *
 * Quick run while developing: BENCH_DURATION=3 BENCH_WARMUP=1 BENCH_SCALE=0 npm run bench:catalog
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { Database } from '../../src/database/database';
import { startEmbeddedDatabase } from '../../src/database/embedded/startEmbeddedDatabase';
import { buildServer } from '../../src/http/buildServer';
import { BENCH_PLAN, benchConfig } from './benchPlans';
import { Gateway } from '../../src/runtime/gateway';
import { CATEGORY_CTD, generateCatalog, generateOthers, OTHER_CTD, PRODUCT_COUNT, PRODUCT_CTD, SCOPED_RULES } from './catalog/catalogData';
import { cold, send, trackInFlight, warm, type Target } from './catalog/load';
import { MemorySampler } from './catalog/memory';
import { mib, readPeerResults, scalingTable, scenarioTable, seedingLines, type PeerSummary, type ScalePhase, type ScenarioResult } from './catalog/report';
import { createContentType, seedBatches } from './catalog/seed';

const numberEnv = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};
const LOAD = { connections: numberEnv('BENCH_CONNECTIONS', 10), duration: numberEnv('BENCH_DURATION', 15), warmup: numberEnv('BENCH_WARMUP', 3) };
const COLD_ITERATIONS = numberEnv('BENCH_COLD_ITERATIONS', 30);
const COLD_BUDGET_MS = numberEnv('BENCH_COLD_BUDGET', 120) * 1000;
const SEED_BUDGET_MS = numberEnv('BENCH_SEED_BUDGET', 1800) * 1000;
const DRAIN_BUDGET_MS = 120_000;
const SCALE_SEED_BUDGET_MS = numberEnv('BENCH_SCALE_SEED_BUDGET', 600) * 1000;
const ONLY = process.env.ONLY ? process.env.ONLY.split(',').map((s) => s.trim()) : undefined;
const SCALES = parseScales(process.env.BENCH_SCALE ?? '0,10000,50000');
/** Other objects that go into the benchmark's own account; the rest go into a second account. */
const SAME_ACCOUNT_OTHERS = 10_000;
const GRAPHQL_QUERY = '{ productList(limit: 100) { id name slug price sku brand color size material category { id name } } }';

function parseScales(raw: string): number[] {
  if (raw.trim() === '' || raw.trim() === 'none') return [];
  const scales = raw.split(',').map((s) => Number(s.trim()));
  if (scales.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`BENCH_SCALE must be comma-separated whole numbers, got "${raw}"`);
  return [...new Set(scales)].sort((a, b) => a - b);
}

const log = (line: string) => console.log(`[bench:catalog] ${line}`);

/** Checks one answer of a scenario the way the peer's bench.mjs does; returns its size in bytes. */
async function sanity(base: string, target: Target): Promise<number> {
  const response = await send(base, target.method, target.path, target.key, target.body);
  const fail = (why: string) => {
    throw new Error(`[${target.id}] ${target.method} ${target.path}: ${why}: ${JSON.stringify(response.json).slice(0, 400)}`);
  };
  if (response.status !== target.expectStatus) fail(`status ${response.status}`);
  if (target.expectStatus !== 200) return response.bytes;
  if (response.json?.errors) fail('GraphQL errors');
  const rows: any[] | undefined = target.method === 'POST' ? response.json?.data?.productList : response.json?.data;
  const row = target.list ? rows?.[0] : response.json;
  if (target.list) {
    if (!Array.isArray(rows) || rows.length !== 100) fail(`expected 100 rows, got ${rows?.length}`);
    if (target.list.description !== ('description' in row)) fail(target.list.description ? 'description missing' : 'the key sees description');
  }
  if (typeof row?.price !== 'number' || typeof row?.sku !== 'string') fail('price or sku missing');
  const category = Array.isArray(row.category) ? row.category[0] : row.category;
  const expanded = target.list?.expandedCategory ?? false;
  if (expanded ? typeof category?.name !== 'string' : typeof category?.dataUrl !== 'string') fail(`category ${expanded ? 'not expanded' : 'not a reference'}`);
  return response.bytes;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const config = benchConfig();
  const peer: PeerSummary | undefined = process.env.PEER_RESULTS ? readPeerResults(path.resolve(process.env.PEER_RESULTS)) : undefined;
  const dataDir = path.join(config.dataDir, `bench-catalog-${process.pid}`);
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({ dataDir, toolsDir: config.toolsDir, ferretdbBin: config.ferretdbBin, log });
  const databaseDescription = embedded?.description ?? 'the server at MONGODB_URI';
  const database = await Database.connect(config.mongodbUri ?? embedded!.uri, `cgbench_${randomBytes(4).toString('hex')}`);
  const gateway = new Gateway(config, database);
  gateway.start();
  const memory = new MemorySampler(embedded?.pid);
  memory.start();
  const app = await buildServer(gateway);
  const inFlight = trackInFlight(app);
  /**
   * A warm run, then letting the server finish what autocannon left behind before anything else is
   * timed; with the 5xx answers the server gave meanwhile.
   */
  const warmThenDrain = async (base: string, target: Target) => {
    const errorsBefore = inFlight.serverErrors();
    const result = await warm(base, target, LOAD);
    const waited = await inFlight.drained(DRAIN_BUDGET_MS);
    if (waited === undefined) log(`  ${inFlight.count()} requests still in flight after ${DRAIN_BUDGET_MS / 1000} s; going on`);
    else if (waited > 1000) log(`  waited ${(waited / 1000).toFixed(1)} s for requests left over from the warm run`);
    return { result, serverErrors: inFlight.serverErrors() - errorsBefore };
  };
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    log(`gateway on ${base}, database: ${databaseDescription}`);

    // ---- the catalog, through the public API
    const { account, keys } = await gateway.createAccount({ name: 'Bench catalog', plan: BENCH_PLAN });
    const rw = keys.rw!;
    for (const definition of [CATEGORY_CTD, PRODUCT_CTD, OTHER_CTD]) await createContentType(base, rw, definition);
    const { categories, products } = generateCatalog();
    log(`seeding ${categories.length} categories and ${products.length} products (batches of 100)…`);
    const categorySeed = await seedBatches(base, rw, 'category', categories as unknown as Record<string, unknown>[], { budgetMs: SEED_BUDGET_MS });
    const productSeed = await seedBatches(base, rw, 'product', products as unknown as Record<string, unknown>[], {
      budgetMs: SEED_BUDGET_MS - categorySeed.seconds * 1000,
      onProgress: (written, seconds) => log(`  products: ${written} in ${seconds.toFixed(1)} s`),
    });
    if (categorySeed.timedOut || productSeed.timedOut) {
      throw new Error(`seeding the catalog timed out after ${SEED_BUDGET_MS / 1000} s (BENCH_SEED_BUDGET): ${categorySeed.written} categories, ${productSeed.written} products`);
    }
    const seedSeconds = categorySeed.seconds + productSeed.seconds;
    const seedLine = `seeded ${categories.length} categories + ${products.length} products through the batch API in ${seedSeconds.toFixed(1)} s (${((categories.length + products.length) / seedSeconds).toFixed(1)} objects/s; products alone ${productSeed.seconds.toFixed(1)} s)`;
    log(seedLine);

    const scoped = (await (await gateway.keyService(account._id)).createUserKey({ name: 'catalog reader (no description)', rules: SCOPED_RULES })).secret;

    // ---- scenarios a–d, warm and cold
    let price = 0;
    const patchPrice = async (id: string) => {
      const response = await send(base, 'PATCH', `/api/v1/content/product/${id}`, rw, { price: (100 + (++price % 49900)) / 100 });
      if (response.status !== 200) throw new Error(`PATCH product ${id}: ${response.status} ${JSON.stringify(response.json).slice(0, 400)}`);
      return response.ms;
    };
    const rotating = (i: number) => patchPrice(`product-${(i % PRODUCT_COUNT) + 1}`);
    const list = '/api/v1/content/product?limit=100';
    const scenarios: Target[] = [
      { id: 'a', name: 'REST list limit=100, read-write key', method: 'GET' as const, path: list, key: rw, expectStatus: 200, list: { description: true, expandedCategory: false } },
      { id: 'b', name: 'REST list limit=100, scoped key', method: 'GET' as const, path: list, key: scoped, expectStatus: 200, list: { description: false, expandedCategory: false } },
      { id: 'c', name: 'REST list limit=100&hydrate=1, scoped key', method: 'GET' as const, path: `${list}&hydrate=1`, key: scoped, expectStatus: 200, list: { description: false, expandedCategory: true } },
      {
        id: 'd',
        name: 'GraphQL productList(limit:100){…category{id name}}, scoped key',
        method: 'POST' as const,
        path: '/graphql',
        key: scoped,
        body: JSON.stringify({ query: GRAPHQL_QUERY }),
        expectStatus: 200,
        list: { description: false, expandedCategory: true },
      },
    ].filter((s) => !ONLY || ONLY.includes(s.id));
    const results: ScenarioResult[] = [];
    for (const target of scenarios) {
      const responseBytes = await sanity(base, target);
      log(`(${target.id}) ${target.name}: warm ${LOAD.warmup} + ${LOAD.duration} s…`);
      const { result: warmResult, serverErrors } = await warmThenDrain(base, target);
      const coldResult = await cold(base, target, rotating, COLD_ITERATIONS, COLD_BUDGET_MS);
      results.push({ id: target.id, name: target.name, method: target.method, path: target.path, responseBytes, warm: warmResult, warmServerErrors: serverErrors, cold: coldResult });
      log(`(${target.id}) warm ${warmResult.ok ? `${warmResult.reqPerSec.toFixed(1)} req/s, p50 ${warmResult.p50} ms` : warmResult.reason}; cold ${coldResult.ok ? `p50 ${coldResult.p50.toFixed(1)} ms` : coldResult.reason}`);
    }

    // ---- scaling
    const phases: ScalePhase[] = [];
    let sameWritten = 0;
    let otherWritten = 0;
    let otherAccountKey: string | undefined;
    const sameOthers = generateOthers(SAME_ACCOUNT_OTHERS, 'other')[Symbol.iterator]();
    let abandoned: string | undefined;
    const existing = `product-${PRODUCT_COUNT / 2}`;
    const scaleTargets: Array<{ target: Target; write: (i: number) => Promise<number> }> = [
      { target: { id: 'list', name: '(a) REST list limit=100, read-write key', method: 'GET', path: list, key: rw, expectStatus: 200, list: { description: true, expandedCategory: false } }, write: rotating },
      { target: { id: 'get', name: 'REST GET product/{existing id}', method: 'GET', path: `/api/v1/content/product/${existing}`, key: rw, expectStatus: 200 }, write: () => patchPrice(existing) },
      { target: { id: 'missing', name: 'REST GET product/{missing id} (404)', method: 'GET', path: '/api/v1/content/product/product-missing-1', key: rw, expectStatus: 404 }, write: rotating },
    ];
    for (const others of SCALES) {
      const sameAccount = Math.min(others, SAME_ACCOUNT_OTHERS);
      const phase: ScalePhase = { others, sameAccount, otherAccount: others - sameAccount, rows: [] };
      phases.push(phase);
      if (abandoned) {
        phase.status = abandoned;
        continue;
      }
      const started = performance.now();
      const budgetLeft = () => SCALE_SEED_BUDGET_MS - (performance.now() - started);
      const progress = (written: number, seconds: number) => {
        if (written % 1000 === 0) log(`  other objects: ${written} more in ${seconds.toFixed(1)} s`);
      };
      let written = 0;
      let timedOut = false;
      if (sameAccount > sameWritten) {
        const items = take(sameOthers, sameAccount - sameWritten);
        log(`seeding ${sameAccount - sameWritten} other objects into the same account…`);
        const seed = await seedBatches(base, rw, 'other', items, { budgetMs: budgetLeft(), onProgress: progress });
        sameWritten += seed.written;
        written += seed.written;
        timedOut = seed.timedOut;
      }
      if (!timedOut && phase.otherAccount > otherWritten) {
        if (!otherAccountKey) {
          otherAccountKey = (await gateway.createAccount({ name: 'Bench other account', plan: BENCH_PLAN })).keys.rw!;
          await createContentType(base, otherAccountKey, OTHER_CTD);
        }
        const items = skip(generateOthers(phase.otherAccount, 'other'), otherWritten);
        log(`seeding ${phase.otherAccount - otherWritten} other objects into another account…`);
        const seed = await seedBatches(base, otherAccountKey, 'other', items, { budgetMs: budgetLeft(), onProgress: progress });
        otherWritten += seed.written;
        written += seed.written;
        timedOut = seed.timedOut;
      }
      phase.seed = { written, seconds: (performance.now() - started) / 1000, timedOut };
      if (timedOut) {
        phase.status = `timed out seeding: ${(sameWritten + otherWritten).toLocaleString('en-US')} of ${others.toLocaleString('en-US')} other objects after ${(SCALE_SEED_BUDGET_MS / 1000).toFixed(0)} s (BENCH_SCALE_SEED_BUDGET)`;
        abandoned = 'skipped: an earlier phase timed out';
        log(phase.status);
        continue;
      }
      for (const { target, write } of scaleTargets) {
        await sanity(base, target);
        log(`scale ${others}: ${target.name}…`);
        const { result: warmResult, serverErrors } = await warmThenDrain(base, target);
        const coldResult = await cold(base, target, write, COLD_ITERATIONS, COLD_BUDGET_MS);
        phase.rows.push({ id: target.id, name: target.name, cold: coldResult, warm: warmResult, warmServerErrors: serverErrors });
      }
    }

    // ---- report
    const rss = memory.stop();
    const lines = [
      '',
      `contentgate bench:catalog, ${startedAt.toISOString()}: autocannon ${LOAD.connections} connections, ${LOAD.duration} s after a ${LOAD.warmup} s warm-up (load generator in a child process); cold = ${COLD_ITERATIONS} reads each right after a PATCH; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      `database: ${databaseDescription}`,
      seedLine,
      peer ? `Directus: medians of ${peer.runs} run(s) in ${peer.dir}` : '',
      '',
      ...scenarioTable(results, peer),
      '',
      ...(phases.length ? ['Scaling (latencies in ms; warm as above, cold as above):', '', ...scalingTable(phases), '', ...seedingLines(phases), ''] : []),
      `peak RSS: node (gateway) ${mib(rss.nodePeakRss)}; database ${embedded?.pid === undefined ? 'n/a (not a child process of this one)' : `${mib(rss.databasePeakRss)} sampled, VmHWM ${mib(rss.databaseVmHWM)}`}${peer ? `; Directus ${mib(peer.peakRssBytes)} (VmHWM, median)` : ''}`,
    ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
    console.log(lines.join('\n'));

    const outDir = path.join(PROJECT_ROOT, '.bench');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `catalog-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    const report = {
      when: startedAt.toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadavgAtEnd: os.loadavg(),
      load: LOAD,
      coldIterations: COLD_ITERATIONS,
      database: databaseDescription,
      seed: { categories: categories.length, products: products.length, seconds: seedSeconds, productSeconds: productSeed.seconds },
      scenarios: results,
      scaling: phases,
      memory: rss,
      peer,
    };
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`results: ${path.relative(process.cwd(), file)}`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the last in-flight requests finish
  } finally {
    memory.stop();
    await app.close();
    await gateway.stop();
    await database.drop().catch(() => undefined);
    await database.close();
    await embedded?.stop();
    if (embedded) rmSync(dataDir, { recursive: true, force: true });
  }
}

function* take<T>(iterator: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

function* skip<T>(iterable: Iterable<T>, count: number): Generator<T> {
  let i = 0;
  for (const value of iterable) if (i++ >= count) yield value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
