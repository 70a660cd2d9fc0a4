/**
 * `npm run bench:media`: how fast contentgate serves media files, with peak memory.
 *  1. starts the database (`MONGODB_URI`, else embedded FerretDB) and the gateway on a loopback port,
 *     uploads a 1600x1200 JPEG through `POST /api/media`;
 *  2. warm (autocannon, BENCH_CONNECTIONS / BENCH_DURATION / BENCH_WARMUP): the original `0x0` and a
 *     cached `400x0` variant;
 *  3. uncached resizes: BENCH_RESIZES distinct widths requested 4 at a time (every one a resize
 *     through the queue), resizes per second;
 *  4. peak RSS of this process and of the database; prints a markdown table.
 * Quick run: BENCH_DURATION=3 BENCH_WARMUP=1 npm run bench:media
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { Database } from '../../src/database/database';
import { startEmbeddedDatabase } from '../../src/database/embedded/startEmbeddedDatabase';
import { buildServer } from '../../src/http/buildServer';
import { Gateway } from '../../src/runtime/gateway';
import { upload } from '../media/mediaKit';
import { warm } from './catalog/load';
import { BENCH_PLAN, benchConfig } from './benchPlans';
import { mib } from './catalog/report';
import { MemorySampler } from './catalog/memory';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const LOAD = { connections: env('BENCH_CONNECTIONS', 10), duration: env('BENCH_DURATION', 10), warmup: env('BENCH_WARMUP', 2) };
const RESIZES = env('BENCH_RESIZES', 200);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = benchConfig();
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({ dataDir: path.join(config.dataDir, `bench-media-${process.pid}`), toolsDir: config.toolsDir, ferretdbBin: config.ferretdbBin, log: () => undefined });
  const database = await Database.connect(config.mongodbUri ?? embedded!.uri, `cgbench_${randomBytes(4).toString('hex')}`);
  const gateway = new Gateway(config, database);
  gateway.start();
  const memory = new MemorySampler(embedded?.pid);
  memory.start();
  const app = await buildServer(gateway);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { account, keys } = await gateway.createAccount({ name: 'Media bench', plan: BENCH_PLAN });
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const uploaded = await upload(app, { key: keys.rw!, type: 'image', file: { bytes: photo, fileName: 'bench.jpg' } });
    if (uploaded.status !== 200) throw new Error(`upload failed: ${JSON.stringify(uploaded.body)}`);
    const id = uploaded.body.id as string;
    log(`gateway on ${base}, account ${account._id}, image ${id} (${mib(photo.length)})`);
    const rows: string[] = [];
    for (const [name, url] of [
      ['original 0x0', `/image/0x0/${id}.jpg`],
      ['cached variant 400x0', `/image/400x0/${id}.jpg`],
    ]) {
      const result = await warm(base, { id: name, name, method: 'GET', path: url, key: keys.ro!, expectStatus: 200 }, LOAD);
      rows.push(result.ok ? `| ${name} | ${result.reqPerSec.toFixed(0)} | ${result.p50} | ${result.p99} |` : `| ${name} | failed: ${result.reason} | | |`);
    }
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < RESIZES) {
        const width = 100 + next++;
        const response = await fetch(`${base}/image/${width}x0/${id}.jpg`);
        if (response.status !== 200) throw new Error(`resize ${width} answered ${response.status}`);
        await response.arrayBuffer();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const seconds = (Date.now() - started) / 1000;
    rows.push(`| uncached resizes (1600x1200 → Wx0, 4 clients) | ${(RESIZES / seconds).toFixed(1)} | | |`);
    const peaks = memory.stop();
    log('\n| request | req/s | p50 ms | p99 ms |\n|---|---|---|---|');
    for (const row of rows) log(row);
    log(`\npeak RSS: gateway ${mib(peaks.nodePeakRss)}${peaks.databasePeakRss ? `, database ${mib(peaks.databasePeakRss)}` : ''}`);
  } finally {
    memory.stop();
    await app.close();
    await gateway.stop();
    await database.drop();
    await database.close();
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
