import type { FastifyInstance } from 'fastify';

/** Helpers shared by the REST tests: one call over `app.inject`, and small CTD builders. */

/** A response as the tests look at it. */
export interface RestResponse {
  status: number;
  body: any;
  text: string;
  headers: Record<string, unknown>;
}

/** Options of one call: the key (sent as `x-auth-token` unless `headers` say otherwise), a JSON body, extra headers. */
export interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the REST API; a body is sent as JSON unless `headers` set another content type. */
export async function call(app: FastifyInstance, method: string, url: string, options: CallOptions = {}): Promise<RestResponse> {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers['x-auth-token'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
    payload: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  let body: unknown = undefined;
  try {
    body = response.body === '' ? undefined : JSON.parse(response.body);
  } catch {
    body = response.body;
  }
  return { status: response.statusCode, body, text: response.body, headers: response.headers };
}

/** A relation reference. */
export const ref = (type: string, id: string) => ({ dataUrl: `/api/v1/content/${type}/${id}`, type: 'internal' });

/** A `[schema, meta]` pair for one property. */
export type Field = [Record<string, unknown>, Record<string, unknown>];

/** A text property. */
export const text = (label: string, extra: Record<string, unknown> = {}): Field => [
  { type: 'string' },
  { label, inputType: 'text', unique: false, ...extra },
];

/** A relation property to `target`. */
export const relation = (label: string, target: string, multiple = true): Field => [
  { type: 'array', items: { $ref: '#/components/schemas/DataSource' }, minItems: 0 },
  { label, inputType: 'datasource', unique: false, validation: { relationContenttype: target, relationMultiple: multiple } },
];

/** An object-list property with nested properties. */
export const objectList = (label: string, nested: Record<string, Field>): Field => [
  {
    type: 'array',
    items: { type: 'object', properties: Object.fromEntries(Object.entries(nested).map(([k, [s]]) => [k, s])), required: [] },
  },
  {
    label,
    inputType: 'object',
    unique: false,
    items: { order: Object.keys(nested), propertiesConfig: Object.fromEntries(Object.entries(nested).map(([k, [, m]]) => [k, m])) },
  },
];

/** A CTD from properties; the first one is required and the object's title. */
export function contentType(name: string, label: string, fields: Record<string, Field>): Record<string, unknown> {
  const [first] = Object.keys(fields);
  const properties = Object.fromEntries(Object.entries(fields).map(([key, [schema]]) => [key, schema]));
  properties[first] = { ...properties[first], minLength: 1 };
  const propertiesConfig = Object.fromEntries(Object.entries(fields).map(([key, [, meta]]) => [key, meta]));
  propertiesConfig[first] = { ...propertiesConfig[first], isTitlePart: true };
  return {
    name,
    label,
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' }, { type: 'object', properties }],
      required: [first],
      additionalProperties: false,
    },
    metaDefinition: { order: Object.keys(fields), propertiesConfig },
  };
}

/**
 * Three related types: `author`; `category` (name, secret, author → author); `article` (title,
 * categories → category, sections: object list whose items relate to a category).
 */
export const LIBRARY_TYPES = [
  contentType('author', 'Author', { name: text('Name') }),
  contentType('category', 'Category', { name: text('Name'), secret: text('Secret'), author: relation('Author', 'author') }),
  contentType('article', 'Article', {
    title: text('Title'),
    categories: relation('Categories', 'category'),
    sections: objectList('Sections', { heading: text('Heading'), category: relation('Category', 'category') }),
  }),
];
