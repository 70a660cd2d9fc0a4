import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/config';
import { Database } from '../../src/database/database';
import { buildServer } from '../../src/http/buildServer';
import type { GuardLayers } from '../../src/graphql/guards/guardLayers';
import { Gateway } from '../../src/runtime/gateway';
import { RELAXED_QUOTAS_ENV } from './quotaEnv';
import { testMongoUri } from './testDatabase';

/** A gateway with its HTTP server on a fresh test database. */
export interface TestGateway {
  gateway: Gateway;
  app: FastifyInstance;
  database: Database;
  /** An account with its application keys. */
  createAccount(name?: string, plan?: string): Promise<{ accountId: string; rw: string; ro: string }>;
  close(): Promise<void>;
}

/** Starts a gateway (not listening: use `app.inject`) on its own database; `close()` drops it. Introspection is on unless `configuredIntrospection`. */
export async function startTestGateway(
  options: { monitorCommands?: boolean; databaseName?: string; env?: NodeJS.ProcessEnv; graphqlGuards?: GuardLayers; configuredIntrospection?: boolean } = {},
): Promise<TestGateway> {
  const database = await Database.connect(testMongoUri(), options.databaseName ?? `cgtest_${randomBytes(6).toString('hex')}`, {
    monitorCommands: options.monitorCommands,
  });
  // Introspection is open in tests unless `configuredIntrospection` asks for what the env configures.
  const loaded = loadConfig({ ...RELAXED_QUOTAS_ENV, ...options.env });
  const config = options.configuredIntrospection ? loaded : { ...loaded, introspection: true };
  const gateway = new Gateway(config, database, { graphqlGuards: options.graphqlGuards });
  gateway.start();
  const app = await buildServer(gateway);
  await app.ready();
  return {
    gateway,
    app,
    database,
    async createAccount(name = 'Test account', plan = 'free') {
      const { account, keys } = await gateway.createAccount({ name, plan });
      return { accountId: account._id, rw: keys.rw!, ro: keys.ro! };
    },
    async close() {
      await app.close();
      await gateway.stop();
      if (!options.databaseName) await database.drop();
      await database.close();
    },
  };
}

/** Runs a GraphQL operation over HTTP with a key; returns status and parsed body. */
export async function graphql(
  app: FastifyInstance,
  key: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] } }> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-auth-token': key } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, body: response.json() };
}
