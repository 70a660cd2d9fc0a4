/**
 * `npm run bench:schema`: what one account's GraphQL schema build costs at the CTD bounds
 * (`src/content-types/validation/definitionBounds.ts`), in process, without a database.
 *
 * For each account shape it reports the CPU time of validating one of its CTDs, of building the schema
 * (`buildAccountSchema`: type definitions, executable schema, shield), and the longest time the event loop
 * was blocked while the registry built the schema and started its Apollo Server (what a concurrent
 * `/health` would wait at most). Shapes: the system types alone; one CTD at every bound (100 properties,
 * object lists 2 deep, 64-character names, long labels and help texts, just under 128 KiB); then accounts
 * with 10 and 25 such CTDs and 100 small ones (no bound limits the number of CTDs of an account).
 * Knobs: `BENCH_RUNS` (7 builds per shape, the first `BENCH_WARMUP` = 3 builds of the first shape discarded).
 */
import { performance } from 'node:perf_hooks';
import { normalisePermissions } from '../../src/access/normalisePermissions';
import type { ContentTypeDefinition, ContentTypeDefinitionInput } from '../../src/content-types/contentTypeDefinition';
import { SYSTEM_CONTENT_TYPES } from '../../src/content-types/systemTypes';
import { validateContentTypeDefinition } from '../../src/content-types/validateContentTypeDefinition';
import { CTD_BOUNDS } from '../../src/content-types/validation/definitionBounds';
import { AccountGraphQLRegistry } from '../../src/graphql/accountGraphQLRegistry';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import type { ChangeFeed } from '../../src/runtime/changeFeed';
import type { ContentTypeSnapshots } from '../../src/runtime/contentTypeSnapshots';
import { largeDefinition } from '../support/largeDefinitions';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A definition at every bound at once: its JSON just under the size bound. */
function maximalDefinition(name: string): Record<string, unknown> {
  const shape = { properties: CTD_BOUNDS.maxProperties, depth: CTD_BOUNDS.maxListDepth, nameLength: CTD_BOUNDS.maxPropertyNameLength };
  let decoration = '';
  for (let step = 256; step >= 1; step /= 2) {
    const longer = decoration + 'x'.repeat(step);
    if (Buffer.byteLength(JSON.stringify(largeDefinition(name, { ...shape, decoration: longer }))) <= CTD_BOUNDS.maxDefinitionBytes) decoration = longer;
  }
  return largeDefinition(name, { ...shape, decoration });
}

function stored(input: ContentTypeDefinitionInput): ContentTypeDefinition {
  return { ...input, id: input.name, internal: input.name.startsWith('_'), createdAt: '', updatedAt: '', deletedAt: null, version: 1 };
}

function validated(input: unknown): ContentTypeDefinitionInput {
  const result = validateContentTypeDefinition(input, { relationTargetExists: () => true, isCreate: true });
  if (!result.ok) throw new Error(`the bench definition is refused: ${JSON.stringify(result.errors).slice(0, 300)}`);
  return result.value;
}

const typeName = (i: number) => `bench${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26) % 26]}`;

/** CPU milliseconds of `run`, as [min, median] over RUNS runs. */
function cpuMs(run: () => void): [number, number] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return [times[0], times[Math.floor(times.length / 2)]];
}

/** The longest event-loop block (ms) while the registry builds the account's schema and a key's view, and starts its Apollo. */
async function longestBlockMs(ctds: ContentTypeDefinition[]): Promise<number> {
  const snapshots = { get: async () => new Map(ctds.map((ctd) => [ctd.name, ctd])) } as unknown as ContentTypeSnapshots;
  const feed = { subscribe: () => () => undefined } as unknown as ChangeFeed;
  const registry = new AccountGraphQLRegistry(snapshots, feed, { introspection: false, maxViews: 16 });
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  longest = 0;
  last = performance.now();
  await registry.forKey('bench', normalisePermissions('rw'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  await registry.stop();
  return longest;
}

async function main(): Promise<void> {
  const system = SYSTEM_CONTENT_TYPES.map(stored);
  const maximal = maximalDefinition(typeName(0));
  const small = (i: number) => largeDefinition(typeName(i), { properties: 5, depth: 1 });
  const shapes: { name: string; definitions: unknown[] }[] = [
    { name: 'system types only', definitions: [] },
    { name: '1 CTD at every bound', definitions: [maximal] },
    { name: '10 CTDs at every bound', definitions: Array.from({ length: 10 }, (_, i) => (maximalDefinition(typeName(i)))) },
    { name: '25 CTDs at every bound', definitions: Array.from({ length: 25 }, (_, i) => (maximalDefinition(typeName(i)))) },
    { name: '100 CTDs of 5 properties', definitions: Array.from({ length: 100 }, (_, i) => small(i)) },
  ];
  process.stdout.write(
    `CTD bounds: ${JSON.stringify(CTD_BOUNDS)}; the maximal CTD is ${Buffer.byteLength(JSON.stringify(maximal))} bytes of JSON\n\n` +
      '| account | validate one CTD, CPU ms (min / median) | build schema, CPU ms (min / median) | longest event-loop block, ms |\n|---|---|---|---|\n',
  );
  for (let i = 0; i < WARMUP; i++) buildAccountSchema([...system, stored(validated(maximal))]);
  for (const shape of shapes) {
    const ctds = [...system, ...shape.definitions.map((definition) => stored(validated(definition)))];
    const first = shape.definitions[0];
    const validation = first ? cpuMs(() => validated(first)) : undefined;
    const build = cpuMs(() => buildAccountSchema(ctds));
    const block = await longestBlockMs(ctds);
    const pair = (values: [number, number] | undefined) => (values ? `${values[0].toFixed(1)} / ${values[1].toFixed(1)}` : '—');
    process.stdout.write(`| ${shape.name} | ${pair(validation)} | ${pair(build)} | ${block.toFixed(0)} |\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
