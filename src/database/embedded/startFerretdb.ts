import fs from 'node:fs';
import type { LogSink } from '../../logging/logSink';
import { backoffDelayMs } from '../../utils/backoff';
import { acquireDataDirLock } from './dataDirLock';
import type { EmbeddedServer } from './embeddedServer';
import { spawnFerretdb, type FerretdbProcess } from './ferretdbProcess';
import { freePort } from './freePort';

/** A FerretDB that ran this long counts as healthy again: its next crash restarts at the first delay. */
const HEALTHY_AFTER_MS = 30_000;

/**
 * Starts FerretDB on `dataDir` and supervises it. The folder is locked first (`dataDirLock.ts`: two
 * servers never open one folder; what a killed owner left is cleaned up). The first start must
 * succeed (an error otherwise). Afterwards, when FerretDB dies, it is started again on the same port
 * (the driver reconnects by itself) after a backoff of 250 ms doubling to 5 s, each attempt logged,
 * until `stop()`. It also stops when this process exits, however (see the watchdog in `ferretdbProcess.ts`).
 */
export async function startFerretdb(binary: string, dataDir: string, log: LogSink): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir, log);
  let current: FerretdbProcess;
  let port: number;
  try {
    port = await freePort();
    current = await spawnFerretdb(binary, dataDir, port);
    lock.record({ ferretdbPid: current.pid, port });
  } catch (error) {
    lock.release();
    throw error;
  }

  let stopping = false;
  let restarts = 0;
  let failures = 0;
  let startedAt = Date.now();
  let retryTimer: NodeJS.Timeout | undefined;
  // Nothing asynchronous runs on `exit`: FerretDB gets SIGTERM, the watchdog escalates, the lock stays for the next start to judge.
  const onExit = () => current.terminateNow();
  process.once('exit', onExit);

  const restart = async () => {
    retryTimer = undefined;
    if (stopping) return;
    try {
      const next = await spawnFerretdb(binary, dataDir, port);
      if (stopping) return void (await next.stop());
      current = next;
      startedAt = Date.now();
      restarts++;
      lock.record({ ferretdbPid: next.pid, port });
      log.info({ ferretdbPid: next.pid, port, attempt: failures }, 'embedded database restarted');
      watch(next);
    } catch (error) {
      scheduleRestart((error as Error).message);
    }
  };
  const scheduleRestart = (reason: string) => {
    const delayMs = backoffDelayMs(failures++);
    log.error({ port, attempt: failures, retryInMs: delayMs, reason: reason.slice(-1000) }, 'embedded database is down; restarting it');
    retryTimer = setTimeout(() => void restart(), delayMs);
  };
  const watch = (running: FerretdbProcess) => {
    void running.exited.then((code) => {
      if (stopping || running !== current) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) failures = 0;
      scheduleRestart(`FerretDB (pid ${running.pid}) exited with ${code ?? 'a signal'}: ${running.stderrTail()}`);
    });
  };
  watch(current);

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    description: `embedded FerretDB (SQLite in ${dataDir}) on 127.0.0.1:${port}`,
    binary,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      process.removeListener('exit', onExit);
      await current.stop();
      lock.release();
    },
  };
}
