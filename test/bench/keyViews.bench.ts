/**
 * `npm run bench:views`: what a schema per key costs (issue #11's budgets).
 *
 * In one process, no database and no HTTP: an account of TYPES content types × FIELDS text fields
 * (every type also has one relation to the next type), its schema built once, then through the
 * real registry (`AccountGraphQLRegistry.forKey`: the pruned view plus its started Apollo Server):
 *   1. cold: VIEWS_TIMED views for distinct rights (each key reads half the types, with a different
 *      field hidden per key), p50/p99/max of one build;
 *   2. warm: the same keys again (cache hits), mean time per lookup;
 *   3. memory: MEMORY_VIEWS distinct views held at once (GRAPHQL_VIEWS raised to fit), heap used
 *      after a forced GC, per view and in total.
 * Run with `node --expose-gc` (the npm script does) so the heap figures are after collection.
 *
 * Environment: BENCH_TYPES=50 BENCH_FIELDS=20 BENCH_VIEWS_TIMED=50 BENCH_MEMORY_VIEWS=1000
 */
import type { Permissions } from '../../src/access/permissions';
import { normalisePermissions } from '../../src/access/normalisePermissions';
import type { ContentTypeDefinition } from '../../src/content-types/contentTypeDefinition';
import { AccountGraphQLRegistry } from '../../src/graphql/accountGraphQLRegistry';
import type { ChangeFeed } from '../../src/runtime/changeFeed';
import type { ContentTypeSnapshots } from '../../src/runtime/contentTypeSnapshots';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';

const TYPES = Number(process.env.BENCH_TYPES ?? 50);
const FIELDS = Number(process.env.BENCH_FIELDS ?? 20);
const VIEWS_TIMED = Number(process.env.BENCH_VIEWS_TIMED ?? 50);
const MEMORY_VIEWS = Number(process.env.BENCH_MEMORY_VIEWS ?? 1000);

function contentType(index: number): ContentTypeDefinition {
  const name = `type${index}`;
  const fields = Array.from({ length: FIELDS }, (_, f) => `field${f}`);
  const next = `type${(index + 1) % TYPES}`;
  return {
    id: name,
    name,
    label: `Type ${index}`,
    internal: false,
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    version: 1,
    schemaDefinition: {
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' },
        { type: 'object', properties: { ...Object.fromEntries(fields.map((field) => [field, { type: 'string' }])), link: { type: 'array', items: { $ref: '#/components/schemas/DataSource' } } } },
      ],
      required: [],
      additionalProperties: false,
    },
    metaDefinition: {
      order: [...fields, 'link'],
      propertiesConfig: {
        ...Object.fromEntries(fields.map((field, f) => [field, { label: field, inputType: 'text', unique: false, isTitlePart: f === 0 }])),
        link: { label: 'link', inputType: 'datasource', unique: false, validation: { relationContenttype: next, relationMultiple: true } },
      },
    },
  } as unknown as ContentTypeDefinition;
}

/** Distinct rights per n: reads every other type (offset by n), one field hidden that depends on n. */
function rightsOf(n: number): Permissions {
  const rules = Array.from({ length: Math.ceil(TYPES / 2) }, (_, i) => {
    const type = `type${(2 * i + n) % TYPES}`;
    return { contentTypeDefinitionName: type, canRead: true, canCreate: i % 3 === 0, canUpdate: false, canDelete: false, fields: { [`field${(n + i) % FIELDS}`]: { read: false } } };
  });
  return normalisePermissions('user', [...rules, { contentTypeDefinitionName: `type${n % TYPES}`, canRead: true, canCreate: false, canUpdate: false, canDelete: n % 2 === 0 }]);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('run with node --expose-gc for heap figures after collection');
  const ctds = Array.from({ length: TYPES }, (_, index) => contentType(index));
  const snapshots = { get: async () => new Map(ctds.map((ctd) => [ctd.name, ctd])) } as unknown as ContentTypeSnapshots;
  const feed = { subscribe: () => undefined } as unknown as ChangeFeed;

  let started = performance.now();
  buildAccountSchema(ctds);
  const accountBuild = performance.now() - started;

  const registry = new AccountGraphQLRegistry(snapshots, feed, { introspection: true, maxViews: MEMORY_VIEWS + 10 });
  await registry.get('bench');
  const cold: number[] = [];
  for (let n = 0; n < VIEWS_TIMED; n++) {
    const rights = rightsOf(n);
    started = performance.now();
    await registry.forKey('bench', rights);
    cold.push(performance.now() - started);
  }
  const sortedCold = [...cold].sort((a, b) => a - b);
  const timedRights = Array.from({ length: VIEWS_TIMED }, (_, n) => rightsOf(n));
  for (const rights of timedRights) await registry.forKey('bench', rights);
  started = performance.now();
  const rounds = 20;
  for (let round = 0; round < rounds; round++) for (const rights of timedRights) await registry.forKey('bench', rights);
  const warm = (performance.now() - started) / (rounds * VIEWS_TIMED);
  const fullRights = await registry.forKey('bench', normalisePermissions('rw'));
  const fieldsIn = (view: typeof fullRights) => Object.values(view.schema.getTypeMap()).length;

  await registry.stop();
  const before = heapMiB();
  const holding = new AccountGraphQLRegistry(snapshots, feed, { introspection: true, maxViews: MEMORY_VIEWS + 10 });
  await holding.get('bench');
  const memoryStarted = performance.now();
  for (let n = 0; n < MEMORY_VIEWS; n++) await holding.forKey('bench', rightsOf(n));
  const memorySeconds = (performance.now() - memoryStarted) / 1000;
  const after = heapMiB();
  const oneScoped = await holding.forKey('bench', rightsOf(0));

  console.log(`account: ${TYPES} types × ${FIELDS} fields (+1 relation each); account schema build ${accountBuild.toFixed(1)} ms; ${fieldsIn(fullRights)} named types for rw, ${fieldsIn(oneScoped)} for a scoped key`);
  console.log(`view build, cold (pruned schema + Apollo start), ${VIEWS_TIMED} distinct rights: p50 ${quantile(sortedCold, 0.5).toFixed(1)} ms, p99 ${quantile(sortedCold, 0.99).toFixed(1)} ms, max ${sortedCold[sortedCold.length - 1].toFixed(1)} ms (budget < 50 ms)`);
  console.log(`view lookup, warm: ${(warm * 1000).toFixed(1)} µs per request`);
  console.log(`memory: ${MEMORY_VIEWS} views held: +${(after - before).toFixed(0)} MiB heap (${(((after - before) * 1024) / MEMORY_VIEWS).toFixed(0)} KiB per view), built in ${memorySeconds.toFixed(1)} s`);
  await holding.stop();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
