import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from '../../src/database/embedded/dataDirLock';
import { contentType, text } from '../rest/restKit';

/** Helpers of the tests that run real server processes: scratch folders, HTTP calls, the lock file. */

/** A fresh data folder (removed by the caller). */
export function scratchDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cg-process-'));
}

/** The lock the server keeps in its embedded database's folder, or undefined when there is none. */
export function readDataDirLock(dataDir: string): { ownerPid: number; ferretdbPid?: number; port?: number } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', LOCK_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** One answer, with how long it took; a transport failure is status 0 with its message. */
export interface Timed {
  status: number;
  body: any;
  startedAt: number;
  ms: number;
  error?: string;
}

/** Calls the server; never throws. */
export async function timedCall(url: string, init: { method?: string; key?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Timed> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { ...(init.key ? { 'x-auth-token': init.key } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 20000),
    });
    const textBody = await response.text();
    let body: unknown = textBody;
    try {
      body = JSON.parse(textBody);
    } catch {
      // Not JSON.
    }
    return { status: response.status, body, startedAt, ms: Date.now() - startedAt };
  } catch (error) {
    return { status: 0, body: undefined, startedAt, ms: Date.now() - startedAt, error: String((error as Error).cause ?? error) };
  }
}

/** The demo account's read-write key the server printed. */
export function demoKey(output: string): string {
  const match = /read-write key: (cg_rw_\S+)/.exec(output);
  if (!match) throw new Error(`no demo key in:\n${output}`);
  return match[1];
}

/** Creates the `note` type (one title) through the REST API. */
export async function createNoteType(url: string, key: string): Promise<void> {
  const created = await timedCall(`${url}/api/v1/internal/contenttype`, { method: 'POST', key, body: contentType('note', 'Note', { title: text('Title') }) });
  if (created.status !== 200) throw new Error(`note type: ${created.status} ${JSON.stringify(created.body)}`);
}

/** The ids of every note (up to 5,000). */
export async function noteIds(url: string, key: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; page <= 5; page++) {
    const answer = await timedCall(`${url}/api/v1/content/note?limit=1000&page=${page}`, { key });
    if (answer.status !== 200) throw new Error(`list: ${answer.status} ${JSON.stringify(answer.body)}`);
    for (const object of answer.body.data as { id: string }[]) ids.add(object.id);
    if (page >= answer.body.total_pages) break;
  }
  return ids;
}

/** Waits until `check` holds, polling every 50 ms up to `boundMs`; returns whether it held. */
export async function holdsWithin(check: () => boolean | Promise<boolean>, boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
