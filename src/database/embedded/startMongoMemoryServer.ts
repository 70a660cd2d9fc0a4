import type { EmbeddedServer } from './embeddedServer';

/**
 * Fallback for machines without Go: a real `mongod` through mongodb-memory-server-core (which
 * downloads a MongoDB binary on first use, so it needs internet access once).
 */
export async function startMongoMemoryServer(dataDir: string): Promise<EmbeddedServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({ instance: { ip: '127.0.0.1', dbPath: undefined }, binary: { downloadDir: dataDir } });
  return {
    uri: server.getUri(),
    description: `embedded mongod (mongodb-memory-server) at ${server.getUri()}`,
    async stop() {
      await server.stop();
    },
  };
}
