import type { Config } from '../config/config';
import { lineSink, type LogSink } from '../logging/logSink';
import { Database } from './database';
import type { EmbeddedServer } from './embedded/embeddedServer';
import { startEmbeddedDatabase } from './embedded/startEmbeddedDatabase';
import { openWithRetry } from './openWithRetry';

/** A database and, when embedded, the server behind it. */
export interface OpenedDatabase {
  database: Database;
  description: string;
  /** The embedded server, when this process runs one. */
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

/** A database the server keeps trying to open (see `connectDatabase`). */
export interface ConnectingDatabase extends OpenedDatabase {
  /** Resolves true once open and prepared, false when closed first. */
  opened: Promise<boolean>;
}

/**
 * For one-shot commands (the CLI): connects to `MONGODB_URI`, or starts the embedded database and
 * connects to that, failing with a message naming the database when it cannot be reached.
 */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  const { uri, description, embedded } = await serverOf(config, log, lineSink(log));
  try {
    const database = await Database.connect(uri, config.databaseName, { layout: config.contentLayout });
    return { database, description, embedded, close: closer(database, embedded) };
  } catch (error) {
    await embedded?.stop();
    throw new Error(`Cannot use the database (${description}): ${(error as Error).message}`);
  }
}

/**
 * For the server: starts the embedded database when there is no `MONGODB_URI` (failing if it cannot
 * be started), then returns at once with a database that is not open yet and keeps trying to open it
 * in the background (backoff, each failure logged): an unreachable database keeps the server up and
 * not ready, and it becomes ready when the database can be reached.
 */
export async function connectDatabase(config: Config, log: LogSink): Promise<ConnectingDatabase> {
  const { uri, description, embedded } = await serverOf(config, (line) => log.info({}, line), log);
  const database = Database.create(config.databaseName, { layout: config.contentLayout });
  const abort = new AbortController();
  const opened = openWithRetry(database, uri, description, log, abort.signal);
  const close = closer(database, embedded);
  return {
    database,
    description,
    embedded,
    opened,
    async close() {
      abort.abort();
      await opened;
      await close();
    },
  };
}

async function serverOf(
  config: Config,
  log: (line: string) => void,
  sink: LogSink,
): Promise<{ uri: string; description: string; embedded?: EmbeddedServer }> {
  if (config.mongodbUri) return { uri: config.mongodbUri, description: 'MongoDB at MONGODB_URI' };
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, toolsDir: config.toolsDir, ferretdbBin: config.ferretdbBin, log, sink });
  return { uri: embedded.uri, description: embedded.description, embedded };
}

function closer(database: Database, embedded: EmbeddedServer | undefined): () => Promise<void> {
  return async () => {
    await database.close();
    await embedded?.stop();
  };
}
