import { loadConfig } from '../../src/config/config';
import { startEmbeddedDatabase } from '../../src/database/embedded/startEmbeddedDatabase';
import type { EmbeddedServer } from '../../src/database/embedded/embeddedServer';
import path from 'node:path';
import fs from 'node:fs';

/**
 * Gives the test run one MongoDB-wire server: `MONGODB_URI` when set, otherwise an embedded
 * FerretDB in a fresh scratch folder. Test files each use their own database on it.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri) {
    process.env.CONTENTGATE_TEST_MONGODB_URI = config.mongodbUri;
    return;
  }
  const dataDir = path.join(config.dataDir, `test-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedDatabase({
    dataDir,
    toolsDir: config.toolsDir,
    ferretdbBin: config.ferretdbBin,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.env.CONTENTGATE_TEST_MONGODB_URI = server.uri;
  if (server.binary) process.env.CONTENTGATE_TEST_FERRETDB_BIN = server.binary;
  (globalThis as { __contentgateTestServer?: { server: EmbeddedServer; dataDir: string } }).__contentgateTestServer = {
    server,
    dataDir,
  };
}
