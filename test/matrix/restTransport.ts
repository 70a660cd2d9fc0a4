import type { FastifyInstance } from 'fastify';
import { createData, type MatrixTransport, type Outcome } from './matrixDriver';
import { readableVisible, SEED, titleReadable, unreadableFields, VISIBLE, type MatrixKey, type MatrixType, type Operation } from './matrixCases';

/** One REST response as the transport looks at it. */
interface RestReply {
  status: number;
  body: any;
}

/** Markers recorded as the refusal when REST answers 200 but withholds what the operation asked for. */
export const FIELD_WITHHELD = 'field withheld';
export const RELATION_NOT_HYDRATED = 'relation not hydrated';

/**
 * The permission matrix through the Flotiq-compatible REST API (`/api/v1/content/{type}`).
 *
 * Each operation is mapped to the REST call a Flotiq client would make, and the answer normalised
 * to the same data the GraphQL transport returns, so `expectedData` applies unchanged:
 * - any 4xx is a refusal (`allowed: false`, the status and error message recorded); a 5xx or any
 *   other unexpected status throws, so a broken call never passes as "denied";
 * - objects are cut down to the fields GraphQL selects, with `internal.objectTitle` (absent → null,
 *   as GraphQL answers it) — but every field the key may not read (from `keyOf(secret)`'s
 *   definition) that is nevertheless present, and an `internal.objectTitle` the key may not see, is
 *   copied into the returned data, so a leak makes the exact-data comparison fail — also on write
 *   answers and on answers mapped to a refusal;
 * - `get` and `readBody`: REST does not refuse a read of a field the key cannot read, it trims the
 *   field from the object. A 200 without one of the fields asked for (the seed has them all) is
 *   mapped to `allowed: false` (refusal `field withheld`), matching GraphQL's refusal of the selection;
 * - `hydrateCategory`: Flotiq's REST never refuses `hydrate=1`; a relation into a type the key
 *   cannot read simply stays a `{dataUrl, type}` reference. GraphQL refuses the selection instead.
 *   So that both transports can be compared on the same expectation, "the relation came back as a
 *   reference, not as an object" is mapped to `allowed: false` (refusal `relation not hydrated`);
 *   only a hydrated relation counts as allowed.
 * `inspect` and `seed` use the read-write key over REST as well.
 */
export function restTransport(app: FastifyInstance, rwKey: string, keyOf: (secret: string) => MatrixKey | undefined = () => undefined): MatrixTransport {
  const seedId = (type: MatrixType) => SEED[type].id;
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

  const matrixKey = (secret: string): MatrixKey => {
    const key = keyOf(secret);
    if (!key) throw new Error('restTransport: perform needs keyOf to know the matrix key of a secret');
    return key;
  };

  /** What of an object the key may not see is present in it (a leak), to be merged into the returned data. */
  function leaked(secret: string, type: MatrixType, object: Record<string, unknown>): Record<string, unknown> {
    const key = matrixKey(secret);
    const found: Record<string, unknown> = {};
    for (const field of unreadableFields(key, type)) if (field in object) found[field] = object[field];
    const title = (object.internal as Record<string, unknown> | undefined)?.objectTitle;
    if (title !== undefined && !titleReadable(key, type)) found['leaked internal.objectTitle'] = title;
    return found;
  }

  /** A REST object cut to `fields` and its derived values, plus anything leaked. */
  function view(secret: string, type: MatrixType, object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
    const picked: Record<string, unknown> = {};
    for (const field of fields) if (field in object) picked[field] = object[field];
    const internal = object.internal as Record<string, unknown> | undefined;
    return { ...picked, internal: { objectTitle: internal?.objectTitle ?? null }, ...leaked(secret, type, object) };
  }

  /** A 200 that lacks a field asked for: a refusal, unless it leaks something (then reported as allowed with the leak). */
  function withheld(secret: string, type: MatrixType, object: Record<string, unknown>, fields: readonly string[]): Outcome | undefined {
    if (fields.every((field) => field in object)) return undefined;
    const leak = leaked(secret, type, object);
    return Object.keys(leak).length ? { allowed: true, data: leak } : { allowed: false, refusal: FIELD_WITHHELD };
  }

  /** `{id}` of a write answer, plus anything leaked. */
  function written(secret: string, type: MatrixType, object: Record<string, unknown>): Record<string, unknown> {
    return { id: object.id, ...leaked(secret, type, object) };
  }

  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isHydrated = (value: unknown): value is Record<string, unknown> => isObject(value) && !('dataUrl' in value) && isObject(value.internal);

  async function read(secret: string, type: MatrixType, fields: readonly string[], what: string): Promise<Outcome> {
    const reply = await call(secret, 'GET', objectUrl(type, seedId(type)));
    return refusalOf(reply, 200, what) ?? withheld(secret, type, reply.body, fields) ?? { allowed: true, data: view(secret, type, reply.body, fields) };
  }

  async function write(secret: string, method: 'POST' | 'PATCH', type: MatrixType, url: string, payload: unknown, what: string): Promise<Outcome> {
    const reply = await call(secret, method, url, payload);
    return refusalOf(reply, 200, what) ?? { allowed: true, data: written(secret, type, reply.body) };
  }

  async function filterOn(secret: string, type: MatrixType, field: string, value: string, what: string): Promise<Outcome> {
    const filters = JSON.stringify({ [field]: { type: 'equals', filter: value } });
    const reply = await call(secret, 'GET', listUrl(type, { filters }));
    return refusalOf(reply, 200, what) ?? { allowed: true, data: (reply.body.data as Record<string, unknown>[]).map((o) => view(secret, type, o, ['id'])) };
  }

  const operations: Record<Operation, (key: string, type: MatrixType, target: string) => Promise<Outcome>> = {
    get: (key, type) => read(key, type, VISIBLE[type], 'get'),
    readBody: (key, type) => read(key, type, ['id', 'body'], 'readBody'),
    async list(key, type) {
      const reply = await call(key, 'GET', listUrl(type, { 'ids[]': seedId(type) }));
      const fields = readableVisible(matrixKey(key), type);
      return refusalOf(reply, 200, 'list') ?? { allowed: true, data: (reply.body.data as Record<string, unknown>[]).map((o) => view(key, type, o, fields)) };
    },
    async count(key, type) {
      const reply = await call(key, 'GET', listUrl(type, { 'ids[]': seedId(type), limit: '1' }));
      return refusalOf(reply, 200, 'count') ?? { allowed: true, data: reply.body.total_count };
    },
    create: (key, type, target) => write(key, 'POST', type, `/api/v1/content/${type}`, createData(type, target, false), 'create'),
    createWithBody: (key, type, target) => write(key, 'POST', type, `/api/v1/content/${type}`, createData(type, target, true), 'createWithBody'),
    update: (key, type, target) =>
      write(key, 'PATCH', type, objectUrl(type, target), type === 'article' ? { title: 'Changed' } : { name: `Changed ${target}` }, 'update'),
    updateBody: (key, type, target) => write(key, 'PATCH', type, objectUrl(type, target), { body: 'Changed body' }, 'updateBody'),
    async delete(key, type, target) {
      const reply = await call(key, 'DELETE', objectUrl(type, target));
      return refusalOf(reply, 204, 'delete') ?? { allowed: true, data: { id: target, deleted: true } };
    },
    filterOnBody: (key, type) => filterOn(key, type, 'body', SEED.article.body, 'filterOnBody'),
    filterOnSlug: (key, type) => filterOn(key, type, 'slug', SEED.article.slug, 'filterOnSlug'),
    async hydrateCategory(key, type) {
      const reply = await call(key, 'GET', `${objectUrl(type, seedId(type))}?hydrate=1`);
      const refused = refusalOf(reply, 200, 'hydrateCategory');
      if (refused) return refused;
      const relation = reply.body.category;
      // Flotiq semantics: an unreadable relation stays a reference. Counted as a refusal (see above).
      if (!Array.isArray(relation) || !relation.every(isHydrated)) {
        const leaks = Array.isArray(relation) ? relation.filter(isObject).map((item) => leaked(key, 'category', item)) : [];
        if (leaks.some((leak) => Object.keys(leak).length)) return { allowed: true, data: { leaks } };
        return { allowed: false, refusal: `${RELATION_NOT_HYDRATED}: ${JSON.stringify(relation)}` };
      }
      const category = relation.map((item) => view(key, 'category', item, ['id']));
      return { allowed: true, data: { ...view(key, type, reply.body, ['id']), category } };
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
