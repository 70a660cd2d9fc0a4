import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { RELAXED_QUOTAS_ENV } from './quotaEnv';

/** A contentgate server running in its own process (`node --import tsx src/main.ts`: `pid` is the server itself). */
export interface ServerProcess {
  url: string;
  internalUrl: string;
  pid: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the first match of `pattern` in the output (from now on or already there), or rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string | null>;
  /** SIGTERM, and SIGKILL after 5 s if it is still there; resolves once it exited. */
  stop(): Promise<void>;
  /** Kills the process with a signal (no shutdown: SIGKILL is a crash) and resolves once it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** How to start one. */
export interface ServerProcessOptions {
  /** A running database; without it the server starts its embedded FerretDB in `dataDir`. */
  mongodbUri?: string;
  databaseName?: string;
  /** `CONTENTGATE_DATA_DIR` (the embedded database's folder). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** What to wait for: `ready` (database open, demo account made: the default) or `listening`. */
  waitFor?: 'ready' | 'listening';
  timeoutMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts `src/main.ts` in a child process on free ports and resolves once it is listening or ready. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...RELAXED_QUOTAS_ENV, PORT: '0', INTERNAL_PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...options.env };
  if (options.mongodbUri) env.MONGODB_URI = options.mongodbUri;
  else delete env.MONGODB_URI;
  if (options.databaseName) env.MONGODB_DATABASE = options.databaseName;
  if (options.dataDir) env.CONTENTGATE_DATA_DIR = options.dataDir;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const waitForOutput = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        finish();
        resolve(match);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no ${pattern} in the server's output within ${timeoutMs} ms:\n${output.slice(-4000)}`));
      }, timeoutMs);
      timer.unref();
      const finish = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const timeoutMs = options.timeoutMs ?? 45000;
  const startedOrExited = async <T>(waiting: Promise<T>): Promise<T> =>
    Promise.race([waiting, exited.then((code) => Promise.reject(new Error(`server exited with ${code}:\n${output}`)))]);
  try {
    const url = (await startedOrExited(waitForOutput(/listening on (http:\/\/\S+)/, timeoutMs)))[1];
    const internalUrl = (await startedOrExited(waitForOutput(/internal listener on (http:\/\/\S+)/, timeoutMs)))[1];
    if ((options.waitFor ?? 'ready') === 'ready') await startedOrExited(waitForOutput(/contentgate is ready/, timeoutMs));
    return {
      url,
      internalUrl,
      pid: child.pid!,
      output: () => output,
      logLines: () => output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>),
      waitForOutput,
      exited,
      stop,
      kill: async (signal) => {
        child.kill(signal);
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
