import { loadConfig } from './config/config';
import { openDatabase } from './database/openDatabase';
import { buildServer } from './http/buildServer';
import { generateAdminToken } from './internal/adminToken';
import { ADMIN_PAGE_PATH, buildInternalServer, INTERNAL_GRAPHQL_PATH } from './internal/buildInternalServer';
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

  const adminToken = config.adminToken ?? generateAdminToken();
  const internal = await buildInternalServer(gateway, adminToken);
  await internal.listen({ host: config.internalHost, port: config.internalPort });
  const internalAddress = internal.server.address();
  const internalPort = typeof internalAddress === 'object' && internalAddress ? internalAddress.port : config.internalPort;
  const internalBase = `http://${config.internalHost}:${internalPort}`;
  log(`internal listener on ${internalBase} (key management; admin token required)`);
  log(`  admin page:   ${internalBase}${ADMIN_PAGE_PATH}`);
  log(`  internal API: ${internalBase}${INTERNAL_GRAPHQL_PATH}`);
  if (!config.adminToken) log(`  admin token (generated for this run; set ADMIN_TOKEN to fix it): ${adminToken}`);
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
    await internal.close();
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
