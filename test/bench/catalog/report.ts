import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ColdSummary, Outcome, WarmSummary } from './load';

export interface ScenarioResult {
  id: string;
  name: string;
  method: string;
  path: string;
  responseBytes: number;
  warm: Outcome<WarmSummary>;
  /** 5xx answers the server gave during the warm run and while it finished what the run left behind. */
  warmServerErrors: number;
  cold: Outcome<ColdSummary>;
}

export interface ScaleRow {
  id: string;
  name: string;
  warm: Outcome<WarmSummary>;
  warmServerErrors: number;
  cold: Outcome<ColdSummary>;
}

export interface ScalePhase {
  /** Other objects in the database (the target of this phase). */
  others: number;
  sameAccount: number;
  otherAccount: number;
  /** Seeding this phase's share of them. */
  seed?: { written: number; seconds: number; timedOut: boolean };
  /** Why the phase was not measured (timed out, skipped). */
  status?: string;
  rows: ScaleRow[];
}

/** Medians of the peer's runs per scenario id, from every `bench-*.json` under its results folder. */
export interface PeerSummary {
  dir: string;
  runs: number;
  scenarios: Record<string, { name: string; reqPerSec: number; p50: number; p99: number }>;
  peakRssBytes?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
};

/** Reads the peer's results (bench.mjs's format), as its summarize.mjs does. */
export function readPeerResults(dir: string): PeerSummary {
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)]));
  const runs = walk(dir)
    .filter((file) => /bench-.*\.json$/.test(path.basename(file)))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { peakRssBytes?: number; results: Array<{ id: string; name: string; reqPerSec: number; latencyP50: number; latencyP99: number }> });
  if (runs.length === 0) throw new Error(`PEER_RESULTS=${dir}: no bench-*.json files (run the peer's ./bench.sh first)`);
  const scenarios: PeerSummary['scenarios'] = {};
  for (const id of new Set(runs.flatMap((run) => run.results.map((r) => r.id)))) {
    const results = runs.map((run) => run.results.find((r) => r.id === id)).filter((r) => r !== undefined);
    scenarios[id] = {
      name: results[0].name,
      reqPerSec: median(results.map((r) => r.reqPerSec)),
      p50: median(results.map((r) => r.latencyP50)),
      p99: median(results.map((r) => r.latencyP99)),
    };
  }
  const rss = runs.map((run) => run.peakRssBytes).filter((b): b is number => typeof b === 'number');
  return { dir, runs: runs.length, scenarios, peakRssBytes: rss.length ? median(rss) : undefined };
}

export const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MiB`);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const rate = (value: number) => value.toFixed(1);

function warmCells(warm: Outcome<WarmSummary>, serverErrors: number): string[] {
  const cells = warm.ok ? [rate(warm.reqPerSec), ms(warm.p50), ms(warm.p99)] : [warm.reason, '', ''];
  if (serverErrors > 0) cells[0] += ` (server: ${serverErrors} × 5xx)`;
  return cells;
}
function coldCells(cold: Outcome<ColdSummary>): string[] {
  return cold.ok ? [ms(cold.p50), ms(cold.p99)] : [cold.reason, ''];
}

/** The main table (latencies in ms), with the peer's columns when its results are given. */
export function scenarioTable(results: ScenarioResult[], peer?: PeerSummary): string[] {
  const head = ['request', 'warm req/s', 'warm p50', 'warm p99', 'cold p50', 'cold p99'];
  if (peer) head.push('Directus req/s', 'Directus p50', 'Directus p99', 'req/s ratio (contentgate / Directus)');
  const lines = [`| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`];
  for (const result of results) {
    const cells = [`(${result.id}) ${result.name}`, ...warmCells(result.warm, result.warmServerErrors), ...coldCells(result.cold)];
    if (peer) {
      const theirs = peer.scenarios[result.id];
      if (!theirs) cells.push('not measured', '', '', '');
      else cells.push(rate(theirs.reqPerSec), ms(theirs.p50), ms(theirs.p99), result.warm.ok ? (result.warm.reqPerSec / theirs.reqPerSec).toFixed(2) : '');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The scaling table: one block of rows per number of other objects. */
export function scalingTable(phases: ScalePhase[]): string[] {
  const lines = ['| other objects | request | cold p50 | cold p99 | warm req/s | warm p50 |', '| ---: | --- | ---: | ---: | ---: | ---: |'];
  for (const phase of phases) {
    const label = `${phase.others.toLocaleString('en-US')} (${phase.sameAccount.toLocaleString('en-US')} same account, ${phase.otherAccount.toLocaleString('en-US')} another)`;
    if (phase.status) {
      lines.push(`| ${label} | ${phase.status} | | | | |`);
      continue;
    }
    for (const row of phase.rows) {
      const warm = warmCells(row.warm, row.warmServerErrors).slice(0, 2);
      lines.push(`| ${label} | ${row.name} | ${coldCells(row.cold).join(' | ')} | ${warm.join(' | ')} |`);
    }
  }
  return lines;
}

/** How each phase's other objects were seeded. */
export function seedingLines(phases: ScalePhase[]): string[] {
  return phases
    .filter((phase) => phase.seed && phase.seed.written + (phase.seed.timedOut ? 1 : 0) > 0)
    .map((phase) => {
      const seed = phase.seed!;
      const perSecond = seed.seconds > 0 ? (seed.written / seed.seconds).toFixed(1) : '—';
      return `- to ${phase.others.toLocaleString('en-US')} other objects: wrote ${seed.written.toLocaleString('en-US')} through the batch API in ${seed.seconds.toFixed(1)} s (${perSecond} objects/s)${seed.timedOut ? ', then stopped: time budget exceeded' : ''}`;
    });
}
