/**
 * `npm run bench:ferretdb`: what the `_id` index patch of the embedded FerretDB build
 * (`src/database/embedded/buildFerretdb.ts`) changes. Builds the release without the patch into a
 * scratch folder (or takes `BENCH_UNPATCHED_BIN`), then, for the patched binary (`FERRETDB_BIN` or
 * `.tools/bin/ferretdb`) and the unpatched one in turn: starts it on a fresh SQLite folder, inserts
 * BENCH_DOCS documents of 0.5 KB with `_id`s shaped like contentgate's, and times BENCH_OPS finds of
 * a missing and of an existing `_id`, updates and deletes by `_id` (mean ms), with SQLite's plan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../src/config/config';
import { buildFerretdb } from '../../src/database/embedded/buildFerretdb';
import { locateFerretdb } from '../../src/database/embedded/locateFerretdb';
import { startFerretdb } from '../../src/database/embedded/startFerretdb';
import { lineSink } from '../../src/logging/logSink';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const OPS = Number(process.env.BENCH_OPS ?? 50);

async function measure(label: string, binary: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-fdb-'));
  const server = await startFerretdb(binary, dataDir, lineSink(() => undefined));
  const client = await MongoClient.connect(server.uri);
  try {
    const objects = client.db('bench').collection<{ _id: string; v: number; body: string }>('objects');
    const idOf = (n: number) => `account/type/${String(n).padStart(6, '0')}`;
    for (let i = 0; i < DOCS; i += 500) {
      await objects.insertMany(Array.from({ length: Math.min(500, DOCS - i) }, (_, j) => ({ _id: idOf(i + j), v: i + j, body: 'x'.repeat(500) })));
    }
    const mean = async (run: (n: number) => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      for (let n = 0; n < OPS; n++) await run(n);
      return (Number(process.hrtime.bigint() - started) / 1e6 / OPS).toFixed(2);
    };
    const missing = await mean(() => objects.findOne({ _id: 'account/type/missing' }));
    const existing = await mean((n) => objects.findOne({ _id: idOf(DOCS - 1 - n) }));
    const update = await mean((n) => objects.updateOne({ _id: idOf(Math.floor(DOCS / 2) + n) }, { $set: { v: -n } }));
    const remove = await mean((n) => objects.deleteOne({ _id: idOf(Math.floor(DOCS / 4) + n) }));
    const plan = (await client.db('bench').command({ explain: { find: 'objects', filter: { _id: idOf(1) } } })) as { queryPlanner?: { Plan?: string[] } };
    process.stdout.write(`| ${label} | ${missing} | ${existing} | ${update} | ${remove} | ${(plan.queryPlanner?.Plan ?? []).join('; ').replace(/id=\d+ parent=\d+ notused=\d+ detail=/g, '')} |\n`);
  } finally {
    await client.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const patched = locateFerretdb({ explicitBin: config.ferretdbBin, toolsDir: config.toolsDir, log: (line) => process.stderr.write(`${line}\n`) });
  if (!patched) throw new Error('no FerretDB binary (set FERRETDB_BIN or install Go)');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-fdb-bin-'));
  try {
    const unpatched = process.env.BENCH_UNPATCHED_BIN ?? buildFerretdb(scratch, (line) => process.stderr.write(`${line}\n`), { target: path.join(scratch, 'ferretdb'), unpatched: true });
    process.stdout.write(
      `${DOCS} documents, ${OPS} operations each, mean ms\n\n| FerretDB v1.24.2 | find missing _id | find existing _id | update by _id | delete by _id | SQLite plan of a find by _id |\n|---|---|---|---|---|---|\n`,
    );
    await measure('release (unpatched)', unpatched);
    await measure('project build (patched)', patched);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
