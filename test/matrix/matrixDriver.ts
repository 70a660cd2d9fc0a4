import { readableVisible, SEED, SEED_TITLE, titleReadable, VISIBLE, type MatrixCase, type MatrixKey, type MatrixType, type Operation } from './matrixCases';

/** What a transport reports for one operation: allowed or not, and the data returned. */
export interface Outcome {
  allowed: boolean;
  /** Error code or HTTP status when refused (for reports). */
  refusal?: string;
  data?: unknown;
}

/**
 * A transport the matrix can run through. Each method performs one operation with the given key
 * and says whether it was allowed and what it returned (normalised to plain objects).
 */
export interface MatrixTransport {
  perform(key: string, type: MatrixType, operation: Operation, target: string): Promise<Outcome>;
  /** Reads an object with the read-write key (undefined when it does not exist). */
  inspect(type: MatrixType, id: string): Promise<Record<string, unknown> | undefined>;
  /** Creates an object with the read-write key. */
  seed(type: MatrixType, data: Record<string, unknown>): Promise<void>;
}

/** `internal { objectTitle }` as both transports report it: the title, or null where the key may not see it. */
export function expectedInternal(key: MatrixKey, type: MatrixType): { objectTitle: string | null } {
  return { objectTitle: titleReadable(key, type) ? SEED_TITLE[type] : null };
}

/** The seed object cut to `fields`, with its derived values as the key may see them. */
function seedView(key: MatrixKey, type: MatrixType, fields: readonly string[]): Record<string, unknown> {
  const seed = SEED[type] as Record<string, unknown>;
  return { ...Object.fromEntries(fields.map((field) => [field, seed[field]])), internal: expectedInternal(key, type) };
}

/** The data a permitted operation must return, exactly. */
export function expectedData(key: MatrixKey, type: MatrixType, operation: Operation, target: string): unknown {
  switch (operation) {
    case 'get':
      return seedView(key, type, VISIBLE[type]);
    case 'list':
      return [seedView(key, type, readableVisible(key, type))];
    case 'count':
      return 1;
    case 'create':
    case 'createWithBody':
    case 'update':
    case 'updateBody':
      return { id: target };
    case 'delete':
      return { id: target, deleted: true };
    case 'readBody':
      return seedView(key, type, ['id', 'body']);
    case 'filterOnBody':
    case 'filterOnSlug':
      return [seedView(key, type, ['id'])];
    case 'hydrateCategory':
      return { ...seedView(key, type, ['id']), category: [seedView(key, 'category', ['id'])] };
  }
}

/** The state an object must be in after the operation, read with the RW key. */
export function expectedAfter(c: MatrixCase, before: Record<string, unknown> | undefined, target: string): unknown {
  const changes: Partial<Record<Operation, Record<string, unknown>>> = {
    update: c.type === 'article' ? { title: 'Changed' } : { name: `Changed ${target}` },
    updateBody: { body: 'Changed body' },
  };
  switch (c.operation) {
    case 'create':
    case 'createWithBody':
      // An article's slug is filled from its title (the create sends none), whatever the key's slug rights.
      return c.allowed ? expect.objectContaining(c.type === 'article' ? { id: target, slug: `created-${target}` } : { id: target }) : undefined;
    case 'delete':
      return c.allowed ? undefined : before;
    case 'update':
    case 'updateBody':
      return c.allowed ? { ...before, ...changes[c.operation], internal: expect.anything() } : before;
    default:
      return before;
  }
}

/** Data a create sends. */
export function createData(type: MatrixType, id: string, withBody: boolean): Record<string, unknown> {
  if (type === 'category') return { id, name: `Created ${id}` };
  return withBody ? { id, title: `Created ${id}`, body: 'Created body' } : { id, title: `Created ${id}` };
}

/**
 * The object a case acts on: a fresh id for creates, a freshly seeded object for updates and
 * deletes (so cases never share one), else the seed object.
 */
export async function prepareTarget(transport: MatrixTransport, c: MatrixCase, index: number): Promise<string> {
  if (c.operation === 'create' || c.operation === 'createWithBody') return `${c.type}-new-${index}`;
  if (c.operation !== 'update' && c.operation !== 'updateBody' && c.operation !== 'delete') return SEED[c.type].id;
  const target = `${c.type}-target-${index}`;
  await transport.seed(c.type, c.type === 'article' ? { id: target, title: 'Target', body: 'Target body' } : { id: target, name: `Target ${index}` });
  return target;
}

/** Runs one matrix case through a transport and returns what happened and what should have. */
export async function runCase(
  transport: MatrixTransport,
  secret: string,
  c: MatrixCase,
  index: number,
): Promise<{ outcome: Outcome; expected: Outcome; after: unknown; expectedAfter: unknown }> {
  const target = await prepareTarget(transport, c, index);
  const before = await transport.inspect(c.type, target);
  const outcome = await transport.perform(secret, c.type, c.operation, target);
  const after = await transport.inspect(c.type, target);
  const expected: Outcome = c.allowed ? { allowed: true, data: expectedData(c.key, c.type, c.operation, target) } : { allowed: false };
  return {
    outcome: c.allowed ? { allowed: outcome.allowed, data: outcome.data } : { allowed: outcome.allowed },
    expected,
    after,
    expectedAfter: expectedAfter(c, before, target),
  };
}
