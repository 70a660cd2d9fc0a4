import { loadConfig } from './config/config';
import { openDatabase } from './database/openDatabase';
import { buildServer } from './http/buildServer';

/** `npm start`: database (embedded unless MONGODB_URI), then the public server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const opened = await openDatabase(config, log);
  log(`Database: ${opened.description}`);
  const app = await buildServer({ config, database: opened.database });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://${config.host}:${port}`;
  log(`contentgate is listening on ${base}`);
  log(`  health: ${base}/health`);

  const shutdown = async (signal: string) => {
    log(`${signal} received, shutting down`);
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  process.stderr.write(`contentgate failed to start: ${error.message}\n`);
  process.exit(1);
});
