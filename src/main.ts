import { loadConfig } from './config/config';
import { openDatabase } from './database/openDatabase';
import { buildServer } from './http/buildServer';
import { ensureDemoAccount } from './runtime/demoAccount';
import { Gateway } from './runtime/gateway';

/** `npm start`: database (embedded unless MONGODB_URI), first-run demo account, then the server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const opened = await openDatabase(config, log);
  log(`Database: ${opened.description}`);
  const gateway = new Gateway(config, opened.database);
  gateway.start();
  const demoKeys = config.isProduction ? undefined : await ensureDemoAccount(gateway);
  const app = await buildServer(gateway);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://${config.host}:${port}`;
  log(`contentgate is listening on ${base}`);
  log(`  GraphQL:  ${base}/graphql   (Flotiq alias ${base}/api/graphql, offline page ${base}/graphiql)`);
  log(`  health:   ${base}/health`);
  if (demoKeys) {
    log('Demo account "demo" (blog and recipe content):');
    log(`  read-write key: ${demoKeys.rw}`);
    log(`  read-only key:  ${demoKeys.ro}`);
    log(`  try: curl -s ${base}/graphql -H 'content-type: application/json' -H 'X-AUTH-TOKEN: ${demoKeys.ro}' \\`);
    log(`         -d '{"query":"{ recipeList(limit: 3) { id name image { url } } }"}'`);
  }

  const shutdown = async (signal: string) => {
    log(`${signal} received, shutting down`);
    await app.close();
    await gateway.stop();
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
