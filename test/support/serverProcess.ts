import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A contentgate server running in its own process. */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
  /** Kills the process with a signal (no shutdown: SIGKILL is a crash) and resolves once it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Everything it printed so far. */
  output(): string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts `src/main.ts` in a child process on a free port against an existing database. */
export async function startServerProcess(mongodbUri: string, databaseName: string): Promise<ServerProcess> {
  // tsx as a loader of this very process (not its CLI, which runs the server in a child of its
  // own): a signal sent to this process reaches the server itself, so SIGKILL is a real crash.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: mongodbUri, MONGODB_DATABASE: databaseName, PORT: '0', INTERNAL_PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    output: () => output,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
