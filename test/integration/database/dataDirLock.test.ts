import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, LOCK_FILE } from '../../../src/database/embedded/dataDirLock';
import { processAlive } from '../../../src/database/embedded/processProbe';
import type { LogSink } from '../../../src/logging/logSink';

const quiet: LogSink = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A node process that idles, with `args` on its command line (as FerretDB's `--state-dir=` is). */
function idleProcess(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', ...args], { stdio: 'ignore' });
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the data folder lock', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-lock-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const writeLock = (lock: object) => fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(lock));
  const readLock = () => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));

  it('is taken, records FerretDB, and is removed on release', async () => {
    const lock = await acquireDataDirLock(dir, quiet);
    lock.record({ ferretdbPid: 1234, port: 5678 });
    expect(readLock()).toMatchObject({ ownerPid: process.pid, ferretdbPid: 1234, port: 5678 });
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('a live owner refuses the start, naming the owner', async () => {
    const owner = idleProcess();
    children.push(owner);
    writeLock({ ownerPid: owner.pid, startedAt: new Date().toISOString() });
    await expect(acquireDataDirLock(dir, quiet)).rejects.toThrow(`in use by contentgate process ${owner.pid}`);
    expect(readLock().ownerPid).toBe(owner.pid);
  });

  it('this very process holding it refuses a second open too', async () => {
    const lock = await acquireDataDirLock(dir, quiet);
    await expect(acquireDataDirLock(dir, quiet)).rejects.toThrow(`in use by contentgate process ${process.pid}`);
    lock.release();
  });

  it('a dead owner’s FerretDB still serving the folder is stopped, then the lock is taken over', async () => {
    const orphan = idleProcess(`--state-dir=${dir}`);
    children.push(orphan);
    await new Promise((resolve) => orphan.once('spawn', resolve));
    writeLock({ ownerPid: await deadPid(), ferretdbPid: orphan.pid, port: 1, startedAt: new Date().toISOString() });
    const lock = await acquireDataDirLock(dir, quiet);
    expect(processAlive(orphan.pid!)).toBe(false);
    expect(readLock().ownerPid).toBe(process.pid);
    lock.release();
  });

  it('a recorded FerretDB pid now used by an unrelated process is left alone', async () => {
    const unrelated = idleProcess('--state-dir=/somewhere/else');
    children.push(unrelated);
    await new Promise((resolve) => unrelated.once('spawn', resolve));
    writeLock({ ownerPid: await deadPid(), ferretdbPid: unrelated.pid, startedAt: new Date().toISOString() });
    const lock = await acquireDataDirLock(dir, quiet);
    expect(processAlive(unrelated.pid!)).toBe(true);
    expect(readLock().ownerPid).toBe(process.pid);
    lock.release();
  });

  it('a half-written lock older than 2 s is stale', async () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), '{"owner');
    const past = new Date(Date.now() - 5000);
    fs.utimesSync(path.join(dir, LOCK_FILE), past, past);
    const lock = await acquireDataDirLock(dir, quiet);
    expect(readLock().ownerPid).toBe(process.pid);
    lock.release();
  });
});
