import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput, JsonSchemaNode } from '../../../src/content-types/contentTypeDefinition';
import { buildObjectSchema, dataSourceSchema } from '../../../src/content-objects/validation/buildObjectSchema';
import { createObjectValidator } from '../../../src/content-objects/validation/objectValidator';
import type { FieldErrors } from '../../../src/errors/appError';

/** CTD → JSON Schema, and ajv's reading of the result. */

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;

function ctdWith(properties: Record<string, JsonSchemaNode>, required: string[] = []): ContentTypeDefinitionInput {
  return {
    name: 'test',
    label: 'Test',
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' }, { type: 'object', properties }],
      required,
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig: {}, order: [] },
  };
}

describe('buildObjectSchema', () => {
  it('builds a closed object schema with the CTD properties, an optional id and an ignored internal', () => {
    const schema = buildObjectSchema(everything, 'full');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title']);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(
      [...Object.keys(everything.schemaDefinition.allOf[1].properties), 'id', 'internal'].sort(),
    );
    expect(schema.properties?.id).toEqual({
      type: 'string',
      pattern: '^[a-zA-Z0-9-_.,:=!#$%&(\\`\\’\\{\\}\\" ]*$',
      maxLength: 255,
    });
    expect(schema.properties?.internal).toEqual({});
  });

  it('inlines DataSource at the top level and inside object lists', () => {
    const schema = buildObjectSchema(everything, 'full');
    const expected = {
      type: 'object',
      properties: { dataUrl: { type: 'string' }, type: { type: 'string', enum: ['internal', 'external'] } },
      required: ['dataUrl'],
      additionalProperties: false,
    };
    expect(dataSourceSchema()).toEqual(expected);
    expect(schema.properties?.categories).toEqual({ type: 'array', items: expected, minItems: 0 });
    expect(schema.properties?.sections?.items?.properties?.image?.items).toEqual(expected);
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('drops only the top-level required list in patch mode', () => {
    const ctd = ctdWith(
      { location: { type: 'object', properties: { lat: { type: 'number' } }, required: ['lat'] } },
      ['location'],
    );
    const schema = buildObjectSchema(ctd, 'patch');
    expect(schema.required).toEqual([]);
    expect(schema.properties?.location?.required).toEqual(['lat']);
    expect(buildObjectSchema(ctd, 'full').required).toEqual(['location']);
  });

  it('does not modify the CTD it reads', () => {
    const before = JSON.stringify(everything);
    buildObjectSchema(everything, 'patch');
    expect(JSON.stringify(everything)).toBe(before);
  });

  it('refuses a $ref other than DataSource', () => {
    const ctd = ctdWith({ other: { type: 'array', items: { $ref: '#/components/schemas/Other' } } });
    expect(() => buildObjectSchema(ctd, 'full')).toThrow('Unsupported $ref #/components/schemas/Other in schemaDefinition');
  });

  it('translates draft-04 keywords justinrainbow understands', () => {
    const schema = buildObjectSchema(
      ctdWith({
        n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
        anything: { type: 'any' },
        $schemaLeftover: { type: 'string', $schema: 'http://json-schema.org/draft-04/schema#', $id: 'x' },
      }),
      'full',
    );
    expect(schema.properties?.n).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 10 });
    expect(schema.properties?.anything).toEqual({});
    expect(schema.properties?.$schemaLeftover).toEqual({ type: 'string' });
  });
});

describe('createObjectValidator: justinrainbow wording of schema keywords', () => {
  const validate = createObjectValidator(
    ctdWith(
      {
        code: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[A-Z]+$' },
        n: { type: 'number', minimum: 1, maximum: 5 },
        ex: { type: 'number', exclusiveMinimum: 0 },
        i: { type: 'integer' },
        kind: { type: 'string', enum: ['a', 'b'] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
        nullable: { type: ['string', 'null'] },
        multi: { type: ['string', 'number', 'boolean'] },
        mail: { type: 'string', format: 'email' },
        when: { type: 'string', format: 'date-time' },
        nested: {
          type: 'array',
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
        },
      },
      ['code'],
    ),
    'full',
  );

  it.each<[string, Record<string, unknown>, FieldErrors]>([
    ['a valid body', { code: 'AB', n: 3, ex: 0.1, i: 2, kind: 'a', tags: ['x'], nullable: null, multi: true }, {}],
    ['required', {}, { code: ['The property code is required'] }],
    ['minLength and pattern together', { code: 'a' }, { code: ['Must be at least 2 characters long', 'Does not match the regex pattern ^[A-Z]+$'] }],
    ['maxLength', { code: 'ABCDE' }, { code: ['Must be at most 4 characters long'] }],
    ['minimum', { code: 'AB', n: 0 }, { n: ['Must have a minimum value of 1'] }],
    ['maximum', { code: 'AB', n: 6 }, { n: ['Must have a maximum value of 5'] }],
    ['exclusiveMinimum', { code: 'AB', ex: 0 }, { ex: ['Must have a minimum value greater than 0'] }],
    ['integer', { code: 'AB', i: 1.5 }, { i: ['Double value found, but an integer is required'] }],
    ['enum', { code: 'AB', kind: 'c' }, { kind: ['Does not have a value in the enumeration ["a","b"]'] }],
    ['minItems', { code: 'AB', tags: [] }, { tags: ['There must be a minimum of 1 items in the array'] }],
    [
      'maxItems and uniqueItems',
      { code: 'AB', tags: ['x', 'x', 'x'] },
      { tags: ['There must be a maximum of 2 items in the array', 'There are no duplicates allowed in the array'] },
    ],
    ['a two-type union', { code: 'AB', nullable: 1 }, { nullable: ['Integer value found, but a string or a null is required'] }],
    [
      'a three-type union',
      { code: 'AB', multi: {} },
      { multi: ['Object value found, but a string, a number or a boolean is required'] },
    ],
    ['format email', { code: 'AB', mail: 'nope' }, { mail: ['Invalid email'] }],
    [
      'format date-time',
      { code: 'AB', when: 'yesterday' },
      { when: ['Invalid date-time yesterday, expected format YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DDThh:mm:ss+hh:mm'] },
    ],
    [
      'nested list items: required and minLength keyed by item path',
      { code: 'AB', nested: [{ name: 'ok' }, {}, { name: '' }] },
      { 'nested[1].name': ['The property name is required'], 'nested[2].name': ['Must be at least 1 characters long'] },
    ],
    ['a body that is not an object', [] as unknown as Record<string, unknown>, { body: ['Array value found, but an object is required'] }],
  ])('%s', (_label, body, expected) => {
    expect(validate(body)).toEqual(expected);
  });

  it('compiles patterns the way Flotiq writes them (no unicode flag: \\’ and [0-9-_] are fine)', () => {
    const slug = createObjectValidator(ctdWith({ slug: { type: 'string', pattern: '^[a-zA-Z0-9-_]*$' } }), 'full');
    expect(slug({ slug: 'ok-slug_1' })).toEqual({});
    expect(slug({ slug: 'not ok' })).toEqual({ slug: ['Does not match the regex pattern ^[a-zA-Z0-9-_]*$'] });
  });
});
