import { fork } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** One request of the benchmark. */
export interface Target {
  id: string;
  name: string;
  method: 'GET' | 'POST';
  path: string;
  key: string;
  body?: string;
  /** 200, or 404 for the missing id. */
  expectStatus: number;
  /** For a list: whether its objects hold `description`, and whether `category` is expanded. */
  list?: { description: boolean; expandedCategory: boolean };
}

export interface WarmOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  warmup: number;
}

export interface WarmSummary {
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  status2xx: number;
  status4xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** A measurement, or why there is none (with what was measured anyway, if anything). */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string; partial?: T };

export interface ColdSummary {
  iterations: number;
  p50: number;
  p99: number;
  writeP50: number;
}

export function headersOf(target: Pick<Target, 'key' | 'body'>): Record<string, string> {
  return { 'x-auth-token': target.key, ...(target.body ? { 'content-type': 'application/json' } : {}) };
}

/**
 * Repeated reads under load: autocannon in a child process, `warmup` s and then `duration` s with
 * `connections` connections. The child is killed, and the run reported as timed out, if it has not
 * answered 30 s after it should have finished. Every answer must have the expected status.
 */
export function warm(base: string, target: Target, load: { connections: number; duration: number; warmup: number }): Promise<Outcome<WarmSummary>> {
  const budgetMs = (load.duration + load.warmup) * 1000 + 30_000;
  const options: WarmOptions = { url: base + target.path, method: target.method, headers: headersOf(target), body: target.body, ...load };
  return new Promise((resolve) => {
    // Inherits this process's execArgv, so the tsx loader that runs the benchmark runs the worker too.
    const child = fork(path.join(__dirname, 'loadWorker.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const finish = (outcome: Outcome<WarmSummary>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `timed out after ${Math.round(budgetMs / 1000)} s` }), budgetMs);
    child.once('message', (message: WarmSummary | { error: string }) => {
      if ('error' in message) return finish({ ok: false, reason: `autocannon failed: ${message.error}` });
      const expected = target.expectStatus === 200 ? message.status2xx : message.status4xx;
      if (message.total === 0 && message.errors === 0 && message.timeouts === 0) {
        return finish({ ok: false, reason: `no answer within the ${load.duration} s run`, partial: message });
      }
      if (message.errors > 0 || message.timeouts > 0 || expected !== message.total || message.total === 0) {
        const wrong = message.total - expected;
        return finish({
          ok: false,
          reason: `failed: ${expected} of ${message.total} answers ${target.expectStatus}, ${wrong} other status, ${message.errors} errors, ${message.timeouts} timeouts`,
          partial: message,
        });
      }
      finish({ ok: true, ...message });
    });
    child.once('exit', (code) => finish({ ok: false, reason: `load generator exited (${code}) without a result` }));
    child.send(options);
  });
}

/** One request from this process (aborted after `timeoutMs`); the time is from sending to the last byte of the body. */
export async function send(
  base: string,
  method: string,
  urlPath: string,
  key: string,
  body?: unknown,
  timeoutMs = 60_000,
): Promise<{ status: number; json: any; ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(base + urlPath, {
    method,
    headers: { 'x-auth-token': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(Math.max(1, Math.round(timeoutMs))),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: any;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, ms, bytes: Buffer.byteLength(text) };
}

/**
 * Reads right after a write: `iterations` times, run `write` (not timed), then time one read of
 * `target`. Stops early, reporting a time-out, when the loop passes `budgetMs`.
 */
export async function cold(base: string, target: Target, write: (iteration: number) => Promise<number>, iterations: number, budgetMs: number): Promise<Outcome<ColdSummary>> {
  const reads: number[] = [];
  const writes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    if (performance.now() - started > budgetMs) return { ok: false, reason: `timed out after ${Math.round(budgetMs / 1000)} s (${i} of ${iterations} reads)` };
    writes.push(await write(i));
    const read = await send(base, target.method, target.path, target.key, target.body);
    if (read.status !== target.expectStatus) return { ok: false, reason: `read after write answered ${read.status}` };
    reads.push(read.ms);
  }
  return { ok: true, iterations, p50: percentile(reads, 50), p99: percentile(reads, 99), writeP50: percentile(writes, 50) };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Counts the requests the server is still working on, including those whose client has gone
 * (autocannon drops its connections at the end of a run; the handlers go on): `onRequest` up,
 * `onSend` down (it runs when the handler is done, whether or not the client is still there).
 */
export function trackInFlight(app: FastifyInstance): {
  count: () => number;
  /** How many answers so far had a 5xx status (including those nobody waited for any more). */
  serverErrors: () => number;
  drained: (timeoutMs: number) => Promise<number | undefined>;
} {
  let inFlight = 0;
  let serverErrors = 0;
  const open = new WeakSet<object>();
  // Callback hooks, not async ones: a second async onSend hook makes the GraphQL route send twice
  // (its handler resolves without returning the reply while the first send still runs the hooks).
  app.addHook('onRequest', (request, _reply, done) => {
    open.add(request);
    inFlight++;
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (open.delete(request)) inFlight--;
    if (reply.statusCode >= 500) serverErrors++;
    done(null, payload);
  });
  return {
    count: () => inFlight,
    serverErrors: () => serverErrors,
    /** Waits until no request is in flight; the ms it took, or undefined after `timeoutMs`. */
    async drained(timeoutMs) {
      const started = performance.now();
      while (inFlight > 0) {
        if (performance.now() - started > timeoutMs) return undefined;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return performance.now() - started;
    },
  };
}
