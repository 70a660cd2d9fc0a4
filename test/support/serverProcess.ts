import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { RELAXED_QUOTAS_ENV } from './quotaEnv';

/** A contentgate server running in its own process. */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts `src/main.ts` in a child process on a free port against an existing database (`env` adds to or overrides its environment). */
export async function startServerProcess(mongodbUri: string, databaseName: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...RELAXED_QUOTAS_ENV, ...env, MONGODB_URI: mongodbUri, MONGODB_DATABASE: databaseName, PORT: '0', INTERNAL_PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' },
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
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
