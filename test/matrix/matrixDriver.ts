import type { MatrixCase, MatrixType, Operation } from './matrixCases';
import { SEED } from './matrixCases';

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

/** The data a permitted operation must return, exactly. */
export function expectedData(type: MatrixType, operation: Operation, target: string): unknown {
  const seed = SEED[type] as Record<string, unknown>;
  const visible = type === 'article' ? { id: seed.id, title: seed.title, rating: seed.rating } : { id: seed.id, name: seed.name };
  switch (operation) {
    case 'get':
      return visible;
    case 'list':
      return [visible];
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
      return { id: seed.id, body: seed.body };
    case 'filterOnBody':
      return [{ id: seed.id }];
    case 'hydrateCategory':
      return { id: seed.id, category: [{ id: SEED.category.id, name: SEED.category.name }] };
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
      return c.allowed ? expect.objectContaining({ id: target }) : undefined;
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

/** Runs one matrix case through a transport and returns what happened and what should have. */
export async function runCase(
  transport: MatrixTransport,
  secret: string,
  c: MatrixCase,
  index: number,
): Promise<{ outcome: Outcome; expected: Outcome; after: unknown; expectedAfter: unknown }> {
  const target = ['create', 'createWithBody'].includes(c.operation)
    ? `${c.type}-new-${index}`
    : ['update', 'updateBody', 'delete'].includes(c.operation)
      ? `${c.type}-target-${index}`
      : String((SEED[c.type] as { id: string }).id);
  if (['update', 'updateBody', 'delete'].includes(c.operation)) {
    await transport.seed(c.type, c.type === 'article' ? { id: target, title: 'Target', body: 'Target body' } : { id: target, name: `Target ${index}` });
  }
  const before = await transport.inspect(c.type, target);
  const outcome = await transport.perform(secret, c.type, c.operation, target);
  const after = await transport.inspect(c.type, target);
  const expected: Outcome = c.allowed ? { allowed: true, data: expectedData(c.type, c.operation, target) } : { allowed: false };
  return {
    outcome: c.allowed ? { allowed: outcome.allowed, data: outcome.data } : { allowed: outcome.allowed },
    expected,
    after,
    expectedAfter: expectedAfter(c, before, target),
  };
}
