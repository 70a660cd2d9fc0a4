import path from 'node:path';
import { lineSink, type LogSink } from '../../logging/logSink';
import type { EmbeddedServer } from './embeddedServer';
import { locateFerretdb } from './locateFerretdb';
import { startFerretdb } from './startFerretdb';
import { startMongoMemoryServer } from './startMongoMemoryServer';

/**
 * Brings up the embedded database used when no `MONGODB_URI` is configured: FerretDB (found or
 * built with Go), else mongodb-memory-server, else an error that says how to point at a real MongoDB.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  toolsDir: string;
  ferretdbBin?: string;
  log: (line: string) => void;
  /** Where supervision (restarts, locks) logs; lines through `log` when absent. */
  sink?: LogSink;
}): Promise<EmbeddedServer> {
  const ferretdb = locateFerretdb({ explicitBin: options.ferretdbBin, toolsDir: options.toolsDir, log: options.log });
  if (ferretdb) return startFerretdb(ferretdb, path.join(options.dataDir, 'ferretdb'), options.sink ?? lineSink(options.log));
  options.log('Go is not installed; falling back to mongodb-memory-server (downloads mongod once).');
  try {
    return await startMongoMemoryServer(path.join(options.dataDir, 'mongod'));
  } catch (error) {
    throw new Error(
      'No embedded database could be started (no Go toolchain to build FerretDB, and mongodb-memory-server failed: ' +
        `${(error as Error).message}). Set MONGODB_URI to a running MongoDB, e.g. MONGODB_URI=mongodb://127.0.0.1:27017`,
    );
  }
}
