import { DATA_SOURCE_REF } from '../../content-types/contentTypeDefinition';
import { isPlainObject } from '../../query/plainObject';
import type { SchemaObject } from './openApiTypes';

/**
 * A CTD property's JSON Schema in OpenAPI 3.0's dialect. CTDs store JSON Schema with arbitrary
 * keywords (spec §1.2); OpenAPI 3.0 knows a subset, with a few differences. This keeps the
 * keywords 3.0 knows and rewrites the ones it spells differently:
 * - `type: ["string", "null"]` → `type: "string", nullable: true` (several non-null types: no `type`);
 * - numeric `exclusiveMinimum`/`exclusiveMaximum` → `minimum`/`maximum` with the boolean form;
 * - `const` → a one-value `enum`; an empty `required` or `enum` is dropped;
 * - `$ref` stays only for `DataSource` (the one reference the document defines);
 * - an `array` without `items` gets `items: {}` (required in 3.0).
 * Anything else (unknown keywords, values of the wrong JSON type) is left out.
 */
export function toOpenApiSchema(node: unknown): SchemaObject {
  if (!isPlainObject(node)) return {};
  if (typeof node.$ref === 'string') return node.$ref === DATA_SOURCE_REF ? { $ref: DATA_SOURCE_REF } : {};
  const out: SchemaObject = {};
  for (const [keyword, value] of Object.entries(node)) copyKeyword(out, keyword, value);
  if (out.type === 'array' && out.items === undefined) out.items = {};
  return out;
}

const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const NUMBER_KEYWORDS = new Set(['multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties']);
const STRING_KEYWORDS = new Set(['title', 'description', 'pattern', 'format']);
const BOOLEAN_KEYWORDS = new Set(['uniqueItems', 'nullable', 'readOnly', 'writeOnly', 'deprecated']);
const COMBINATORS = new Set(['allOf', 'oneOf', 'anyOf']);

function copyKeyword(out: SchemaObject, keyword: string, value: unknown): void {
  if (NUMBER_KEYWORDS.has(keyword)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[keyword] = value;
    return;
  }
  if (STRING_KEYWORDS.has(keyword)) {
    if (typeof value === 'string') out[keyword] = value;
    return;
  }
  if (BOOLEAN_KEYWORDS.has(keyword)) {
    if (typeof value === 'boolean') out[keyword] = value;
    return;
  }
  if (COMBINATORS.has(keyword)) {
    if (Array.isArray(value) && value.length > 0) out[keyword] = value.map(toOpenApiSchema);
    return;
  }
  switch (keyword) {
    case 'type':
      copyType(out, value);
      return;
    case 'properties':
      if (isPlainObject(value)) out.properties = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toOpenApiSchema(inner)]));
      return;
    case 'items':
      out.items = Array.isArray(value) ? {} : toOpenApiSchema(value);
      return;
    case 'not':
      out.not = toOpenApiSchema(value);
      return;
    case 'additionalProperties':
      out.additionalProperties = typeof value === 'boolean' ? value : toOpenApiSchema(value);
      return;
    case 'required': {
      const names = Array.isArray(value) ? [...new Set(value.filter((name): name is string => typeof name === 'string'))] : [];
      if (names.length > 0) out.required = names;
      return;
    }
    case 'enum':
      if (Array.isArray(value) && value.length > 0) out.enum = value;
      return;
    case 'const':
      out.enum = [value];
      return;
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const bound = keyword === 'exclusiveMaximum' ? 'maximum' : 'minimum';
      if (typeof value === 'boolean') out[keyword] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) Object.assign(out, { [bound]: value, [keyword]: true });
      return;
    }
    case 'default':
    case 'example':
      out[keyword] = value;
      return;
    default:
      return;
  }
}

function copyType(out: SchemaObject, value: unknown): void {
  const types = (Array.isArray(value) ? value : [value]).filter((type): type is string => typeof type === 'string');
  if (types.includes('null')) out.nullable = true;
  const concrete = types.filter((type) => SCHEMA_TYPES.has(type));
  if (concrete.length === 1) out.type = concrete[0];
}
