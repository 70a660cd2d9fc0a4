import {
  DATA_SOURCE_REF,
  propertiesOf,
  type ContentTypeDefinitionInput,
  type JsonSchemaNode,
} from '../../content-types/contentTypeDefinition';

/**
 * Turns a CTD's `schemaDefinition` into one self-contained JSON Schema (draft-07, as ajv reads it)
 * for a content-object request body. Nothing here looks at `metaDefinition`: what JSON Schema
 * cannot say (options, e-mail, block types, relation targets) is `metaRules.ts`'s job.
 */

/** `full` = POST/PUT (all `required` properties present); `patch` = PATCH (top-level `required` dropped). */
export type ValidationMode = 'full' | 'patch';

/** Flotiq's pattern for a client-given object id (spec §2.5, kept byte for byte for its error message). */
export const OBJECT_ID_SCHEMA_PATTERN = '^[a-zA-Z0-9-_.,:=!#$%&(\\`\\’\\{\\}\\" ]*$';
/** Longest client-given object id. */
export const OBJECT_ID_SCHEMA_MAX_LENGTH = 255;

/** Keywords whose value is a single subschema (or, for `items`, possibly a list of them). */
const SUBSCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'allOf',
  'anyOf',
  'oneOf',
]);
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'dependencies']);
/** Keywords that would make ajv resolve or register ids; a stored CTD has no business using them. */
const DROPPED_KEYWORDS = new Set(['$id', '$schema', '$anchor', '$defs', 'definitions', '$comment']);

/** The inlined `#/components/schemas/DataSource`: one relation reference. */
export function dataSourceSchema(): JsonSchemaNode {
  return {
    type: 'object',
    properties: { dataUrl: { type: 'string' }, type: { type: 'string', enum: ['internal', 'external'] } },
    required: ['dataUrl'],
    additionalProperties: false,
  };
}

/**
 * Decides the JSON Schema an object body of this CTD must satisfy: the CTD's own properties plus an
 * optional `id` (Flotiq's id pattern, ≤255 chars) and an ignored `internal`; nothing else
 * (`additionalProperties:false`). `patch` drops the top-level `required` only; nested `required`
 * (geo, object-list items) still applies because such values are always sent whole.
 * Throws when the schema uses a `$ref` other than DataSource.
 */
export function buildObjectSchema(
  ctd: Pick<ContentTypeDefinitionInput, 'schemaDefinition'>,
  mode: ValidationMode,
): JsonSchemaNode {
  const properties: Record<string, JsonSchemaNode> = mapEntries(propertiesOf(ctd), toAjvNode);
  properties.id = { type: 'string', pattern: OBJECT_ID_SCHEMA_PATTERN, maxLength: OBJECT_ID_SCHEMA_MAX_LENGTH };
  properties.internal = {};
  const required = mode === 'full' ? [...(ctd.schemaDefinition.required ?? [])] : [];
  return { type: 'object', properties, required, additionalProperties: false };
}

/** One CTD schema node rewritten for ajv: DataSource inlined, draft-04 leftovers translated. */
function toAjvNode(node: unknown): JsonSchemaNode {
  return convert(node) as JsonSchemaNode;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  if (typeof source.$ref === 'string') {
    if (source.$ref === DATA_SOURCE_REF) return dataSourceSchema();
    throw new Error(`Unsupported $ref ${source.$ref} in schemaDefinition`);
  }
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (DROPPED_KEYWORDS.has(keyword) || keyword === '$ref') continue;
    if (SUBSCHEMA_KEYWORDS.has(keyword)) out[keyword] = convert(value);
    else if (SUBSCHEMA_MAP_KEYWORDS.has(keyword) && isRecord(value)) out[keyword] = mapEntries(value, convert);
    else out[keyword] = value;
  }
  translateDraft04(out);
  return out;
}

/** justinrainbow reads draft-04: boolean `exclusiveMinimum/Maximum` and the `any` type. */
function translateDraft04(node: Record<string, unknown>): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      node[exclusive] = node[bound];
      delete node[bound];
    } else {
      delete node[exclusive];
    }
  }
  const type = node.type;
  if (type === 'any' || (Array.isArray(type) && type.includes('any'))) delete node.type;
}

function mapEntries<T>(record: Record<string, unknown>, fn: (value: unknown) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
