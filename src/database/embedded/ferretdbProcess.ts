import { spawn } from 'node:child_process';
import { waitForPort } from './freePort';

/**
 * The watchdog FerretDB runs under: a POSIX shell that starts it, prints its pid, and stops it when
 * its own stdin (a pipe from this node process) reaches end of file. The kernel closes that pipe
 * however node ends, `kill -9` included, so FerretDB never outlives the server: SIGTERM at once,
 * SIGKILL 3 s later if it is still there.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" &',
  'db=$!',
  'echo "$db"',
  '( read -r _ <&3; kill -TERM "$db" 2>/dev/null; sleep 3; kill -KILL "$db" 2>/dev/null ) &',
  'watcher=$!',
  'wait "$db"',
  'code=$?',
  'kill "$watcher" 2>/dev/null',
  'exit $code',
].join('\n');

/** One running FerretDB process. */
export interface FerretdbProcess {
  pid: number;
  /** Resolves when it has exited (for whatever reason), with the watchdog's exit code. */
  exited: Promise<number | null>;
  /** The end of what it wrote to stderr. */
  stderrTail(): string;
  /** Stops it (SIGTERM, SIGKILL after 3 s) and resolves once it has exited. */
  stop(): Promise<void>;
  /** Sends SIGTERM without waiting (for the `exit` event, where nothing asynchronous runs). */
  terminateNow(): void;
}

/**
 * Starts FerretDB (SQLite backend, data in `dataDir`) under the watchdog on `port` and resolves once
 * it accepts connections. The debug listener is disabled (it would take the fixed port 8088) and so
 * is telemetry (it would call out).
 */
export async function spawnFerretdb(binary: string, dataDir: string, port: number): Promise<FerretdbProcess> {
  const child = spawn(
    'sh',
    [
      '-c',
      WATCHDOG,
      'ferretdb-watchdog',
      binary,
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdin.on('error', () => undefined);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
  });
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^(\d+)\n/.exec(out);
      if (line) resolve(Number(line[1]));
    });
    void exited.then(() => reject(new Error(`FerretDB did not start\n${stderr}`)));
  });
  const terminateNow = () => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const handle: FerretdbProcess = {
    pid,
    exited,
    stderrTail: () => stderr,
    terminateNow,
    async stop() {
      if (!done) {
        terminateNow();
        const escalate = setTimeout(() => {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Gone meanwhile.
          }
        }, 3000);
        await exited;
        clearTimeout(escalate);
      }
      child.stdin.end();
    },
  };
  try {
    await waitForPort(port, 20000, () => !done);
  } catch (error) {
    await handle.stop();
    throw new Error(`FerretDB did not start: ${(error as Error).message}\n${stderr}`);
  }
  return handle;
}
