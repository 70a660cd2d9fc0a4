import type { FastifyInstance } from 'fastify';
import { createData, type MatrixTransport, type Outcome } from './matrixDriver';
import { SEED, type MatrixKey, type MatrixType, type Operation } from './matrixCases';

/** One REST response as the transport looks at it. */
interface RestReply {
  status: number;
  body: any;
}

/** The fields the GraphQL transport selects for `get` and `list`; REST objects are cut down to these. */
const VISIBLE: Record<MatrixType, readonly string[]> = { article: ['id', 'title', 'rating'], category: ['id', 'name'] };

/** Markers recorded as the refusal when REST answers 200 but withholds what the operation asked for. */
export const FIELD_WITHHELD = 'field withheld';
export const RELATION_NOT_HYDRATED = 'relation not hydrated';

/**
 * The fields a key may not read on a type, from the matrix key's definition (not from the engine
 * under test). Used to check that nothing unreadable leaks into a REST object.
 */
export function unreadableFields(key: MatrixKey | undefined, type: MatrixType): string[] {
  if (!key || key.kind !== 'user' || key.ruleType !== type || !key.fieldDenied) return [];
  return key.fieldDenied.action === 'read' ? [key.fieldDenied.field] : [];
}

/**
 * The permission matrix through the Flotiq-compatible REST API (`/api/v1/content/{type}`).
 *
 * Each operation is mapped to the REST call a Flotiq client would make, and the answer normalised
 * to the same data the GraphQL transport returns, so `expectedData` applies unchanged:
 * - any 4xx is a refusal (`allowed: false`, the status and error message recorded); a 5xx or any
 *   other unexpected status throws, so a broken call never passes as "denied";
 * - objects are cut down to the fields GraphQL selects — but every field the key may not read
 *   (`keyOf(secret)`'s field narrowing) that is nevertheless present is copied into the returned
 *   data, so a leak makes the exact-data comparison fail;
 * - `readBody`: REST does not refuse a read of a field the key cannot read, it trims the field from
 *   the object. A 200 without `body` (the seed always has one) is mapped to `allowed: false`
 *   (refusal `field withheld`), matching GraphQL's refusal of the selection;
 * - `hydrateCategory`: Flotiq's REST never refuses `hydrate=1`; a relation into a type the key
 *   cannot read simply stays a `{dataUrl, type}` reference. GraphQL refuses the selection instead.
 *   So that both transports can be compared on the same expectation, "the relation came back as a
 *   reference, not as an object with `name`" is mapped to `allowed: false` (refusal
 *   `relation not hydrated`); only a hydrated relation counts as allowed.
 * `inspect` and `seed` use the read-write key over REST as well.
 */
export function restTransport(app: FastifyInstance, rwKey: string, keyOf: (secret: string) => MatrixKey | undefined = () => undefined): MatrixTransport {
  const seedId = (type: MatrixType) => (SEED[type] as { id: string }).id;
  const objectUrl = (type: MatrixType, id: string) => `/api/v1/content/${type}/${encodeURIComponent(id)}`;
  const listUrl = (type: MatrixType, params: Record<string, string>) => `/api/v1/content/${type}?${new URLSearchParams(params).toString()}`;

  async function call(key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<RestReply> {
    const response = await app.inject({
      method,
      url,
      headers: { 'x-auth-token': key, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    let body: unknown;
    try {
      body = response.body === '' ? undefined : JSON.parse(response.body);
    } catch {
      body = response.body;
    }
    return { status: response.statusCode, body };
  }

  /** A 4xx as a refusal; anything else that is not the expected success throws. */
  function refusalOf(reply: RestReply, success: number, what: string): Outcome | undefined {
    if (reply.status === success) return undefined;
    if (reply.status >= 400 && reply.status < 500) {
      const message = typeof reply.body === 'object' && reply.body !== null ? JSON.stringify(reply.body) : String(reply.body ?? '');
      return { allowed: false, refusal: `${reply.status} ${message}` };
    }
    throw new Error(`${what}: unexpected status ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  /** The unreadable fields present in a REST object (a leak), to be merged into the returned data. */
  function leaked(secret: string, type: MatrixType, object: Record<string, unknown>): Record<string, unknown> {
    const found: Record<string, unknown> = {};
    for (const field of unreadableFields(keyOf(secret), type)) if (field in object) found[field] = object[field];
    return found;
  }

  /** A REST object cut to the fields GraphQL selects, plus any leaked field. */
  function visible(secret: string, type: MatrixType, object: Record<string, unknown>): Record<string, unknown> {
    const picked: Record<string, unknown> = {};
    for (const field of VISIBLE[type]) if (field in object) picked[field] = object[field];
    return { ...picked, ...leaked(secret, type, object) };
  }

  /** `{id}` of a write answer, plus any leaked field. */
  function written(secret: string, type: MatrixType, object: Record<string, unknown>): Record<string, unknown> {
    return { id: object.id, ...leaked(secret, type, object) };
  }

  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

  const operations: Record<Operation, (key: string, type: MatrixType, target: string) => Promise<Outcome>> = {
    async get(key, type) {
      const reply = await call(key, 'GET', objectUrl(type, seedId(type)));
      return refusalOf(reply, 200, 'get') ?? { allowed: true, data: visible(key, type, reply.body) };
    },
    async list(key, type) {
      const reply = await call(key, 'GET', listUrl(type, { 'ids[]': seedId(type) }));
      return refusalOf(reply, 200, 'list') ?? { allowed: true, data: (reply.body.data as Record<string, unknown>[]).map((o) => visible(key, type, o)) };
    },
    async count(key, type) {
      const reply = await call(key, 'GET', listUrl(type, { 'ids[]': seedId(type), limit: '1' }));
      return refusalOf(reply, 200, 'count') ?? { allowed: true, data: reply.body.total_count };
    },
    async create(key, type, target) {
      const reply = await call(key, 'POST', `/api/v1/content/${type}`, createData(type, target, false));
      return refusalOf(reply, 200, 'create') ?? { allowed: true, data: written(key, type, reply.body) };
    },
    async createWithBody(key, type, target) {
      const reply = await call(key, 'POST', `/api/v1/content/${type}`, createData(type, target, true));
      return refusalOf(reply, 200, 'createWithBody') ?? { allowed: true, data: written(key, type, reply.body) };
    },
    async update(key, type, target) {
      const reply = await call(key, 'PATCH', objectUrl(type, target), type === 'article' ? { title: 'Changed' } : { name: `Changed ${target}` });
      return refusalOf(reply, 200, 'update') ?? { allowed: true, data: written(key, type, reply.body) };
    },
    async updateBody(key, type, target) {
      const reply = await call(key, 'PATCH', objectUrl(type, target), { body: 'Changed body' });
      return refusalOf(reply, 200, 'updateBody') ?? { allowed: true, data: written(key, type, reply.body) };
    },
    async delete(key, type, target) {
      const reply = await call(key, 'DELETE', objectUrl(type, target));
      return refusalOf(reply, 204, 'delete') ?? { allowed: true, data: { id: target, deleted: true } };
    },
    async readBody(key, type) {
      const reply = await call(key, 'GET', objectUrl(type, seedId(type)));
      const refused = refusalOf(reply, 200, 'readBody');
      if (refused) return refused;
      // REST trims an unreadable field instead of refusing; the seed has a body, so absence = withheld.
      if (!('body' in reply.body)) return { allowed: false, refusal: FIELD_WITHHELD };
      return { allowed: true, data: { id: reply.body.id, body: reply.body.body } };
    },
    async filterOnBody(key, type) {
      const filters = JSON.stringify({ body: { type: 'equals', filter: 'Seed body' } });
      const reply = await call(key, 'GET', listUrl(type, { filters }));
      return refusalOf(reply, 200, 'filterOnBody') ?? { allowed: true, data: (reply.body.data as Record<string, unknown>[]).map((o) => ({ id: o.id })) };
    },
    async hydrateCategory(key, type) {
      const reply = await call(key, 'GET', `${objectUrl(type, seedId(type))}?hydrate=1`);
      const refused = refusalOf(reply, 200, 'hydrateCategory');
      if (refused) return refused;
      const relation = reply.body.category;
      // Flotiq semantics: an unreadable relation stays a reference. Counted as a refusal (see above).
      if (!Array.isArray(relation) || !relation.every((item) => isObject(item) && 'name' in item)) {
        return { allowed: false, refusal: `${RELATION_NOT_HYDRATED}: ${JSON.stringify(relation)}` };
      }
      const category = relation.map((item: Record<string, unknown>) => ({ id: item.id, name: item.name }));
      return { allowed: true, data: { id: reply.body.id, category, ...leaked(key, type, reply.body) } };
    },
  };

  return {
    perform(key, type, operation, target) {
      return operations[operation](key, type, target);
    },
    async inspect(type, id) {
      const reply = await call(rwKey, 'GET', objectUrl(type, id));
      if (reply.status === 404) return undefined;
      if (reply.status !== 200) throw new Error(`inspect ${type}/${id}: status ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as Record<string, unknown>;
    },
    async seed(type, data) {
      const reply = await call(rwKey, 'POST', `/api/v1/content/${type}`, data);
      if (reply.status !== 200) throw new Error(`seed ${type} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    },
  };
}
