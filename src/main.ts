import { loadConfig } from './config/config';
import { connectDatabase } from './database/openDatabase';
import { buildServer } from './http/buildServer';
import { closeWithinGrace } from './http/closeWithinGrace';
import { generateAdminToken } from './internal/adminToken';
import { ADMIN_PAGE_PATH, buildInternalServer, INTERNAL_GRAPHQL_PATH, METRICS_PATH } from './internal/buildInternalServer';
import { createLogger, type AppLogger } from './logging/logger';
import { ensureDemoAccount } from './runtime/demoAccount';
import { Gateway } from './runtime/gateway';

/** The line the server prints once it is ready (tests wait for it). */
const READY_LINE = 'contentgate is ready';

/**
 * `npm start`: the database (embedded unless MONGODB_URI), both listeners at once (not ready until
 * the database is open), the first-run demo account, and an orderly stop on SIGTERM/SIGINT: not
 * ready, listeners closed with a grace period for requests in flight, background work stopped,
 * the database closed and the embedded one stopped. An uncaught error stops the embedded database too.
 */
async function main(logger: AppLogger, stopOnFatal: (stop: () => Promise<void>) => void): Promise<void> {
  const config = loadConfig();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const connecting = await connectDatabase(config, logger);
  stopOnFatal(() => connecting.close());
  print(`Database: ${connecting.description}`);
  const embedded = connecting.embedded;
  const gateway = new Gateway(config, connecting.database, {
    processMetrics: true,
    embeddedRestarts: embedded ? () => embedded.restarts ?? 0 : undefined,
  });
  gateway.start();
  const app = await buildServer(gateway, logger);
  const adminToken = config.adminToken ?? generateAdminToken();
  const internal = await buildInternalServer(gateway, adminToken, logger);

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown: exiting now');
      process.exit(1);
    }
    stopping = (async () => {
      logger.info({ signal }, `${signal} received, shutting down`);
      gateway.beginShutdown();
      if (config.shutdownDelayMs > 0) {
        logger.info({ delayMs: config.shutdownDelayMs }, 'not ready; serving until the shutdown delay ends');
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      }
      await Promise.all([
        closeWithinGrace(app, config.shutdownGraceMs, logger, 'public'),
        closeWithinGrace(internal, config.shutdownGraceMs, logger, 'internal'),
      ]);
      await gateway.stop();
      await connecting.close();
      logger.info({}, 'stopped');
      process.exit(0);
    })();
    stopping.catch((error: Error) => {
      logger.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `http://${config.host}:${port}`;
  print(`contentgate is listening on ${base}`);
  print(`  GraphQL:  ${base}/graphql   (Flotiq alias ${base}/api/graphql, offline page ${base}/graphiql)`);
  print(`  health:   ${base}/health/live, ${base}/health/ready`);

  await internal.listen({ host: config.internalHost, port: config.internalPort });
  const internalAddress = internal.server.address();
  const internalPort = typeof internalAddress === 'object' && internalAddress ? internalAddress.port : config.internalPort;
  const internalBase = `http://${config.internalHost}:${internalPort}`;
  print(`internal listener on ${internalBase} (key management; admin token required)`);
  print(`  admin page:   ${internalBase}${ADMIN_PAGE_PATH}`);
  print(`  internal API: ${internalBase}${INTERNAL_GRAPHQL_PATH}`);
  print(`  metrics:      ${internalBase}${METRICS_PATH}`);
  if (!config.adminToken) print(`  admin token (generated for this run; set ADMIN_TOKEN to fix it): ${adminToken}`);

  if (!(await connecting.opened)) return;
  gateway.resumeWork();
  const demoKeys = config.isProduction ? undefined : await ensureDemoAccount(gateway).catch((error: Error) => {
    logger.error({ reason: error.message }, 'the demo account could not be prepared');
    return undefined;
  });
  if (demoKeys) {
    print('Demo account "demo" (blog and recipe content):');
    print(`  read-write key: ${demoKeys.rw}`);
    print(`  read-only key:  ${demoKeys.ro}`);
    print(`  try: curl -s ${base}/graphql -H 'content-type: application/json' -H 'X-AUTH-TOKEN: ${demoKeys.ro}' \\`);
    print(`         -d '{"query":"{ recipeList(limit: 3) { id name image { url } } }"}'`);
  }
  if (!stopping) print(READY_LINE);
}

/** Stops what must not outlive this process, then exits with 1 (uncaught errors, a failed start). */
function fatal(logger: AppLogger, emergencyStops: (() => Promise<void>)[]) {
  let exiting = false;
  return (error: unknown, what: string) => {
    logger.fatal({ err: error }, what);
    if (exiting) return;
    exiting = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([Promise.allSettled(emergencyStops.map((stop) => stop())), timeout]).finally(() => process.exit(1));
  };
}

const logger = createLogger(loadLogLevel());
const emergencyStops: (() => Promise<void>)[] = [];
const fail = fatal(logger, emergencyStops);
process.on('uncaughtException', (error) => fail(error, 'uncaught error: stopping'));
process.on('unhandledRejection', (error) => fail(error, 'unhandled rejection: stopping'));
main(logger, (stop) => emergencyStops.push(stop)).catch((error: Error) => {
  process.stderr.write(`contentgate failed to start: ${error.message}\n`);
  fail(error, 'start failed');
});

function loadLogLevel(): string {
  try {
    return loadConfig().logLevel;
  } catch {
    return 'info';
  }
}
