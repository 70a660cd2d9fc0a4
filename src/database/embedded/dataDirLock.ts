import fs from 'node:fs';
import path from 'node:path';
import type { LogSink } from '../../logging/logSink';
import { decideAboutLock, type DataDirLock } from './lockDecision';
import { processAlive, processCommandLine, waitForExit } from './processProbe';

/** The lock file's name inside the embedded database's folder. */
export const LOCK_FILE = 'contentgate.lock';

/** A held lock on a data folder. */
export interface HeldLock {
  file: string;
  /** Records the FerretDB now serving the folder (after each start). */
  record(fields: Pick<DataDirLock, 'ferretdbPid' | 'port'>): void;
  /** Removes the lock if it is still this process's (synchronous: also runs on `exit`). */
  release(): void;
}

/**
 * Takes the data folder for this process: creates `<dir>/contentgate.lock` exclusively, holding the
 * owner's pid (and, once started, FerretDB's pid and port). An existing lock is judged by
 * `decideAboutLock`: a live owner refuses this start with a message naming it; a dead owner's
 * FerretDB still running on the folder is stopped; then the stale lock is taken over.
 */
export async function acquireDataDirLock(dir: string, log: LogSink): Promise<HeldLock> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 20; attempt++) {
    const created = tryCreate(file, { ownerPid: process.pid, startedAt: new Date().toISOString() });
    if (created) return created;
    const existing = readLock(file);
    if (!existing) {
      // Being written by a starter that just created it, or left half-written by a crash.
      if (ageMs(file) < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
    } else {
      const decision = decideAboutLock({
        ownerAlive: ownerAlive(existing.ownerPid),
        ferretdbAlive: existing.ferretdbPid !== undefined && servesFolder(existing.ferretdbPid, dir),
      });
      if (decision === 'refuse') {
        throw new Error(
          `The data folder ${dir} is in use by contentgate process ${existing.ownerPid} (lock file ${file}). ` +
            'Two servers never open one folder: stop that process, or give this one another folder (CONTENTGATE_DATA_DIR) or a MONGODB_URI.',
        );
      }
      if (decision === 'stop-orphan') await stopOrphan(existing.ferretdbPid!, existing.ownerPid, log);
      else log.warn({ lock: file, ownerPid: existing.ownerPid }, 'stale lock of a stopped contentgate taken over');
    }
    takeOver(file, existing);
  }
  throw new Error(`Could not take the lock file ${file}: it keeps changing`);
}

function tryCreate(file: string, lock: DataDirLock): HeldLock | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  fs.writeSync(fd, JSON.stringify(lock));
  fs.closeSync(fd);
  let current = lock;
  return {
    file,
    record(fields) {
      current = { ...current, ...fields };
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, JSON.stringify(current));
      fs.renameSync(partial, file);
    },
    release() {
      if (readLock(file)?.ownerPid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

/** Moves a stale lock aside; if what was moved is not the lock judged (another starter's new one), puts it back. */
function takeOver(file: string, judged: DataDirLock | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(aside);
  if (judged && moved && JSON.stringify(moved) !== JSON.stringify(judged)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // A third lock exists already: it stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

async function stopOrphan(ferretdbPid: number, ownerPid: number, log: LogSink): Promise<void> {
  log.warn({ ferretdbPid, ownerPid }, 'FerretDB of a stopped contentgate still runs on the data folder: stopping it');
  process.kill(ferretdbPid, 'SIGTERM');
  if (await waitForExit(ferretdbPid, 5000)) return;
  process.kill(ferretdbPid, 'SIGKILL');
  if (!(await waitForExit(ferretdbPid, 5000))) throw new Error(`FerretDB process ${ferretdbPid} left by a stopped contentgate does not stop`);
}

function readLock(file: string): DataDirLock | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as DataDirLock;
    return Number.isInteger(parsed.ownerPid) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** A live owner: the pid exists and (where `/proc` tells) is a node process, not a reused pid. */
function ownerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!processAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  return commandLine === undefined || /node|tsx|contentgate/.test(commandLine);
}

/** A live FerretDB on this folder: the pid exists and (where `/proc` tells) was started with this state dir. */
function servesFolder(pid: number, dir: string): boolean {
  if (!processAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  return commandLine === undefined || commandLine.includes(`--state-dir=${dir}`);
}
