import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { EmbeddedServer } from './embeddedServer';
import { freePort, waitForPort } from './freePort';

/**
 * Starts FerretDB with its SQLite backend on a free loopback port, data in `dataDir`. The debug
 * listener is disabled (it would take the fixed port 8088) and so is telemetry (it would call out).
 * The server is killed when this process exits.
 */
export async function startFerretdb(binary: string, dataDir: string): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitForPort(port, 20000, () => !exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`FerretDB did not start: ${(error as Error).message}\n${stderr}`);
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    description: `embedded FerretDB (SQLite in ${dataDir}) on 127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
