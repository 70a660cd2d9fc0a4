/**
 * `npm run bench:permissions`: what the permission layer costs on a list query.
 *
 * Seeds 100 objects with 10 readable fields (and one field the key may not read), then measures on
 * loopback with autocannon, alternating, the same GraphQL list query (100 objects × 10 fields):
 *   guarded   — the real pipeline with a field-restricted user key (its schema view + shield +
 *               per-request check + trimming)
 *   unguarded — the same schema without shield, without the operation check, with full rights
 * and prints requests/s of each and their ratio. Bounded: about 6 × DURATION seconds.
 *
 * The embedded database serves a 100-object find in ~15 ms, which dominates both sides, so a second
 * figure isolates GraphQL execution: the same operation executed in-process (no HTTP, no database:
 * the 100 objects read once from the database are served from memory) on the key's guarded view with
 * the per-request permission check, against the unguarded schema, for DURATION seconds each.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { execute, parse } from 'graphql';
import type { ContentTypeDefinition } from '../../src/content-types/contentTypeDefinition';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import { checkOperationPermissions } from '../../src/graphql/guards/checkOperationPermissions';
import { normalisePermissions } from '../../src/access/normalisePermissions';
import { Database } from '../../src/database/database';
import { startEmbeddedDatabase } from '../../src/database/embedded/startEmbeddedDatabase';
import { formatGraphQLError } from '../../src/graphql/formatGraphQLError';
import type { GraphQLContext } from '../../src/graphql/graphqlContext';
import { RelationLoaders } from '../../src/graphql/relationLoaders';
import { authenticate } from '../../src/http/authenticate';
import { buildServer } from '../../src/http/buildServer';
import { BENCH_PLAN, benchConfig } from './benchPlans';
import { Gateway } from '../../src/runtime/gateway';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FIELDS = Array.from({ length: 10 }, (_, i) => `f${i + 1}`);
const QUERY = `{ benchitemList(limit: 100, order_by: "id") { ${FIELDS.join(' ')} } }`;

function benchType() {
  const properties: Record<string, unknown> = { secret: { type: 'string' } };
  const propertiesConfig: Record<string, unknown> = { secret: { label: 'Secret', inputType: 'text', unique: false } };
  for (const [i, field] of FIELDS.entries()) {
    properties[field] = i % 2 ? { type: 'number' } : { type: 'string' };
    propertiesConfig[field] = { label: field, inputType: i % 2 ? 'number' : 'text', unique: false };
  }
  return {
    name: 'benchitem',
    label: 'Bench item',
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' }, { type: 'object', properties }],
      required: [],
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig, order: ['secret', ...FIELDS] },
  };
}

async function measure(url: string, key: string): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', 'x-auth-token': key },
    body: JSON.stringify({ query: QUERY }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Operations per second of `run` over DURATION_S seconds (after a short warm-up). */
async function opsPerSecond(run: () => Promise<unknown>): Promise<number> {
  const warmUntil = Date.now() + 1000;
  while (Date.now() < warmUntil) await run();
  let count = 0;
  const started = performance.now();
  const until = started + DURATION_S * 1000;
  while (performance.now() < until) {
    await run();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Guarded vs unguarded execution of QUERY with the objects served from memory. */
async function executionOnly(gateway: Gateway, accountId: string, secret: string): Promise<[number, number]> {
  const entry = await gateway.graphql.get(accountId);
  const principal = (await gateway.keys.resolve(secret))!;
  const view = await gateway.graphql.forKey(accountId, principal.permissions);
  const real = gateway.content(accountId, entry.contentTypes);
  const page = await real.objects.list('benchitem', { limit: 100, orderBy: 'id' });
  // The same services, with the one list query answered from memory (the data read above).
  const objects = Object.create(real.objects, {
    list: { value: async () => ({ ...page, items: page.items.map((item) => ({ ...item })) }) },
  }) as typeof real.objects;
  const contextFor = (permissions: GraphQLContext['permissions']) => {
    const context = { content: { ...real, objects }, permissions, principal } as GraphQLContext;
    context.loaders = new RelationLoaders(context);
    return context;
  };
  const document = parse(QUERY);
  const guarded = async () => {
    const context = contextFor(principal.permissions);
    if (checkOperationPermissions(view.schema, document, context.permissions)) throw new Error('refused');
    const result = await execute({ schema: view.schema, document, contextValue: context });
    if (result.errors) throw new Error(String(result.errors[0]));
  };
  const everything = normalisePermissions('rw');
  const unguardedSchema = unguardedSchemaOf(entry);
  const unguardedRun = async () => {
    const result = await execute({ schema: unguardedSchema, document, contextValue: contextFor(everything) });
    if (result.errors) throw new Error(String(result.errors[0]));
  };
  const unguardedOps = [await opsPerSecond(unguardedRun)];
  const guardedOps = [await opsPerSecond(guarded)];
  unguardedOps.push(await opsPerSecond(unguardedRun));
  guardedOps.push(await opsPerSecond(guarded));
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [avg(guardedOps), avg(unguardedOps)];
}

/** The account's schema without the permission layer, built for the comparison. */
function unguardedSchemaOf(entry: { contentTypes: ReadonlyMap<string, ContentTypeDefinition> }) {
  return buildAccountSchema([...entry.contentTypes.values()], { shield: false }).schema;
}

async function main(): Promise<void> {
  // The read cache would answer the guarded endpoint's repeated query from memory: off, so both sides execute.
  const config = { ...benchConfig(), responseCacheMiB: 0 };
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({ dataDir: `${config.dataDir}/bench-${process.pid}`, toolsDir: config.toolsDir, ferretdbBin: config.ferretdbBin, log: console.log });
  const database = await Database.connect(config.mongodbUri ?? embedded!.uri, `cgbench_${randomBytes(4).toString('hex')}`);
  const gateway = new Gateway(config, database);
  gateway.start();
  try {
    const { account } = await gateway.createAccount({ name: 'Bench', plan: BENCH_PLAN });
    const content = gateway.content(account._id);
    await content.contentTypes.create(benchType());
    for (let n = 0; n < 100; n++) {
      const object: Record<string, unknown> = { id: `bench-${String(n).padStart(3, '0')}`, secret: `secret ${n}` };
      for (const [i, field] of FIELDS.entries()) object[field] = i % 2 ? n * i : `value ${n} of ${field}`;
      await content.objects.create('benchitem', object);
    }
    const keys = await gateway.keyService(account._id);
    const { secret } = await keys.createUserKey({
      name: 'field-restricted',
      rules: [{ contentTypeDefinitionName: 'benchitem', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } }],
    });

    const app = await buildServer(gateway);
    const entry = await gateway.graphql.get(account._id);
    const unguarded = new ApolloServer<GraphQLContext>({ schema: unguardedSchemaOf(entry), formatError: formatGraphQLError });
    await unguarded.start();
    const everything = normalisePermissions('rw');
    app.post('/bench/unguarded', async (request, reply) => {
      const principal = await authenticate(request, gateway.keys);
      const headers = new HeaderMap();
      headers.set('content-type', 'application/json');
      const response = await unguarded.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: request.body },
        context: async () => {
          const context = { content: gateway.content(principal.accountId, entry.contentTypes), permissions: everything, principal } as GraphQLContext;
          context.loaders = new RelationLoaders(context);
          return context;
        },
      });
      reply.code(response.status ?? 200).header('content-type', 'application/json');
      return response.body.kind === 'complete' ? response.body.string : '';
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Same data either way (the restricted field is not selected).
    const check = async (path: string) =>
      (await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': secret }, body: JSON.stringify({ query: QUERY }) })).json()) as unknown;
    const [a, b] = [await check('/graphql'), await check('/bench/unguarded')];
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('guarded and unguarded answers differ');

    console.log(`warming up (${DURATION_S} s each)…`);
    await measure(`${base}/bench/unguarded`, secret);
    await measure(`${base}/graphql`, secret);
    const unguardedRuns = [];
    const guardedRuns = [];
    for (let round = 0; round < 2; round++) {
      unguardedRuns.push(await measure(`${base}/bench/unguarded`, secret));
      guardedRuns.push(await measure(`${base}/graphql`, secret));
    }
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ratio = avg(guardedRuns) / avg(unguardedRuns);
    console.log(`query: list of 100 objects × ${FIELDS.length} fields, field-restricted user key, ${CONNECTIONS} connections`);
    console.log(`unguarded: ${avg(unguardedRuns).toFixed(1)} req/s  (runs ${unguardedRuns.map((x) => x.toFixed(1)).join(', ')})`);
    console.log(`guarded:   ${avg(guardedRuns).toFixed(1)} req/s  (runs ${guardedRuns.map((x) => x.toFixed(1)).join(', ')})`);
    console.log(`ratio guarded/unguarded: ${ratio.toFixed(3)}  (budget ≥ 0.90: ${ratio >= 0.9 ? 'met' : 'NOT met'})`);
    await app.close();
    await unguarded.stop();

    const [guardedOps, unguardedOps] = await executionOnly(gateway, account._id, secret);
    console.log(`execution only (no HTTP, no database): unguarded ${unguardedOps.toFixed(0)} ops/s, guarded ${guardedOps.toFixed(0)} ops/s`);
    console.log(`ratio guarded/unguarded (execution only): ${(guardedOps / unguardedOps).toFixed(3)}`);
    await new Promise((r) => setTimeout(r, 500)); // let in-flight requests of the last run finish
  } finally {
    await gateway.stop();
    await database.drop();
    await database.close();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
