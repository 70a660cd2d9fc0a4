import type { Config } from '../config/config';
import { Database } from './database';
import type { EmbeddedServer } from './embedded/embeddedServer';
import { startEmbeddedDatabase } from './embedded/startEmbeddedDatabase';

/** A connected database and, when embedded, the server behind it. */
export interface OpenedDatabase {
  database: Database;
  description: string;
  close(): Promise<void>;
}

/**
 * Connects to `MONGODB_URI`, or starts the embedded database and connects to that. Fails with a
 * message naming the database when it cannot be reached (mongoose does not retry a failed first
 * connect, so neither does this: the process exits and its supervisor restarts it).
 */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  let embedded: EmbeddedServer | undefined;
  let uri = config.mongodbUri;
  let description = 'MongoDB at MONGODB_URI';
  if (!uri) {
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      toolsDir: config.toolsDir,
      ferretdbBin: config.ferretdbBin,
      log,
    });
    uri = embedded.uri;
    description = embedded.description;
  }
  try {
    const database = await Database.connect(uri, config.databaseName, { layout: config.contentLayout });
    return {
      database,
      description,
      async close() {
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw new Error(`Cannot use the database (${description}): ${(error as Error).message}`);
  }
}
