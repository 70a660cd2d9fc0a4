/**
 * Builders of large content type definitions for the bound tests and the schema-build bench: a CTD with
 * `properties` properties in all (nested ones included), cycling through every input type, names padded to
 * `nameLength`, and object lists nested `depth` levels deep.
 */

/** The shape of a generated definition. */
export interface LargeDefinitionShape {
  /** Properties in all, on every level (object lists and their items count one each). */
  properties: number;
  /** Object-list levels: 1 = object lists at the top only, 2 = a list inside a list, … (0 = none). */
  depth?: number;
  /** Length of every property name (at least 4). */
  nameLength?: number;
  /** Options of each select/radio. */
  options?: number;
  /** Extra text in every label, help text and option (e.g. markup). */
  decoration?: string;
}

type Field = { schema: Record<string, unknown>; meta: Record<string, unknown> };

const RELATION_SCHEMA = { type: 'array', items: { $ref: '#/components/schemas/DataSource' }, minItems: 0 };
const SIMPLE_TYPES = ['text', 'number', 'select', 'datasource', 'geo', 'block', 'checkbox', 'simpleList', 'dateTime', 'email', 'radio', 'textarea', 'richtext', 'textMarkdown'] as const;

function simpleField(inputType: (typeof SIMPLE_TYPES)[number], label: string, options: string[], decoration: string): Field {
  const meta: Record<string, unknown> = { label: `${label}${decoration}`, inputType, unique: false, helpText: `Help ${label}${decoration}` };
  switch (inputType) {
    case 'number':
      return { schema: { type: 'number' }, meta };
    case 'checkbox':
      return { schema: { type: 'boolean' }, meta };
    case 'select':
    case 'radio':
      return { schema: { type: 'string' }, meta: { ...meta, options } };
    case 'datasource':
      return { schema: RELATION_SCHEMA, meta: { ...meta, validation: { relationContenttype: '_media', relationMultiple: true } } };
    case 'geo':
      return { schema: { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } }, additionalProperties: false }, meta };
    case 'block':
      return { schema: { type: 'object', properties: { time: { type: 'number' }, blocks: { type: 'array' }, version: { type: 'string' } }, additionalProperties: false }, meta };
    case 'simpleList':
      return { schema: { type: 'array', items: { type: 'string' } }, meta };
    default:
      return { schema: { type: 'string' }, meta };
  }
}

/** A property name of exactly `length` characters (`p<index>` padded with `x`). */
export function propertyName(index: number, length = 8): string {
  const base = `p${index}`;
  return base.length >= length ? base : base + 'x'.repeat(length - base.length);
}

/** One level of `count` fields (the first of them an object list when `depth` > 0); returns the fields used. */
function level(count: number, depth: number, shape: Required<LargeDefinitionShape>, counter: { next: number }): Record<string, Field> {
  const fields: Record<string, Field> = {};
  const options = Array.from({ length: shape.options }, (_, i) => `option${i}${shape.decoration}`);
  let remaining = count;
  while (remaining > 0) {
    const index = counter.next++;
    const name = propertyName(index, shape.nameLength);
    remaining -= 1;
    if (depth > 0 && remaining > 0 && Object.keys(fields).length === 0) {
      // The list takes a share of what is left: an even split keeps every level populated.
      const nestedCount = Math.max(1, Math.floor(remaining / 2));
      remaining -= nestedCount;
      const nested = level(nestedCount, depth - 1, shape, counter);
      fields[name] = {
        schema: {
          type: 'array',
          items: { type: 'object', properties: Object.fromEntries(Object.entries(nested).map(([k, f]) => [k, f.schema])), required: [] },
        },
        meta: {
          label: `List ${index}${shape.decoration}`,
          inputType: 'object',
          unique: false,
          helpText: `Help list ${index}${shape.decoration}`,
          items: { order: Object.keys(nested), propertiesConfig: Object.fromEntries(Object.entries(nested).map(([k, f]) => [k, f.meta])) },
        },
      };
      continue;
    }
    fields[name] = simpleField(SIMPLE_TYPES[index % SIMPLE_TYPES.length], `Field ${index}`, options, shape.decoration);
  }
  return fields;
}

/** A valid CTD of the given shape (its first property is a required title). */
export function largeDefinition(name: string, shape: LargeDefinitionShape): Record<string, any> {
  const full: Required<LargeDefinitionShape> = { depth: 1, nameLength: 8, options: 5, decoration: '', ...shape };
  const counter = { next: 0 };
  const titleName = propertyName(counter.next++, full.nameLength);
  const fields: Record<string, Field> = {
    [titleName]: { schema: { type: 'string', minLength: 1 }, meta: { label: `Title${full.decoration}`, inputType: 'text', unique: false, isTitlePart: true } },
    ...level(full.properties - 1, full.depth, full, counter),
  };
  return {
    name,
    label: `${name}${full.decoration}`,
    schemaDefinition: {
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' },
        { type: 'object', properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) },
      ],
      required: [titleName],
      additionalProperties: false,
    },
    metaDefinition: {
      order: Object.keys(fields),
      propertiesConfig: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.meta])),
    },
  };
}
