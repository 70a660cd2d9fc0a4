import {
  ABSTRACT_SCHEMA_REF,
  DATA_SOURCE_REF,
  type ContentTypeDefinitionInput,
  type JsonSchemaNode,
  type PropertyConfig,
} from '../../../src/content-types/contentTypeDefinition';
import { convertForNewDefinition } from '../../../src/content-types/convertForNewDefinition';

type FieldSpec = [JsonSchemaNode, Partial<PropertyConfig> & Pick<PropertyConfig, 'inputType'>];

/** A CTD whose properties are given as `name: [schema, config]`. */
function ctdOf(fields: Record<string, FieldSpec>): ContentTypeDefinitionInput {
  const properties: Record<string, JsonSchemaNode> = {};
  const propertiesConfig: Record<string, PropertyConfig> = {};
  for (const [name, [schema, config]] of Object.entries(fields)) {
    properties[name] = schema;
    propertiesConfig[name] = { label: name, unique: false, ...config };
  }
  return {
    name: 'thing',
    label: 'Thing',
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: ABSTRACT_SCHEMA_REF }, { type: 'object', properties }],
      required: [],
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig, order: Object.keys(fields) },
  };
}

const F: Record<string, FieldSpec> = {
  text: [{ type: 'string' }, { inputType: 'text' }],
  textarea: [{ type: 'string' }, { inputType: 'textarea' }],
  email: [{ type: 'string' }, { inputType: 'email' }],
  richtext: [{ type: 'string' }, { inputType: 'richtext' }],
  radio: [{ type: 'string' }, { inputType: 'radio', options: ['a', 'b'] }],
  select: [{ type: 'string' }, { inputType: 'select', options: ['a', 'b'] }],
  multiSelect: [
    { type: 'array', items: { type: 'string' } },
    { inputType: 'select', multiple: true, options: ['x', 'y'] },
  ],
  number: [{ type: 'number' }, { inputType: 'number' }],
  integer: [{ type: 'integer' }, { inputType: 'number' }],
  checkbox: [{ type: 'boolean' }, { inputType: 'checkbox' }],
  datasource: [
    { type: 'array', items: { $ref: DATA_SOURCE_REF } },
    { inputType: 'datasource', validation: { relationContenttype: 'category' } },
  ],
  mediaRelation: [
    { type: 'array', items: { $ref: DATA_SOURCE_REF } },
    { inputType: 'datasource', validation: { relationContenttype: '_media' } },
  ],
  geo: [{ type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } } }, { inputType: 'geo' }],
  simpleList: [{ type: 'array', items: { type: 'string' } }, { inputType: 'simpleList' }],
  object: [
    { type: 'array', items: { type: 'object', properties: { heading: { type: 'string' } } } },
    {
      inputType: 'object',
      items: { order: ['heading'], propertiesConfig: { heading: { label: 'H', inputType: 'text', unique: false } } },
    },
  ],
  block: [{ type: 'object' }, { inputType: 'block' }],
  custom: [{ type: 'object' }, { inputType: 'custom' }],
};

const relation = [
  { dataUrl: '/api/v1/content/category/c1', type: 'internal' },
  { dataUrl: '/api/v1/content/category/c2', type: 'internal' },
];
const NONE = Symbol('absent');

/** Converts `{f: value}` from field kind `from` to `to`; NONE when `f` is absent from the result. */
function convertOne(from: string, to: string, value: unknown): unknown {
  const result = convertForNewDefinition(ctdOf({ f: F[from] }), ctdOf({ f: F[to] }), { f: value });
  expect(Object.keys(result).filter((k) => k !== 'f')).toEqual([]);
  return Object.hasOwn(result, 'f') ? result.f : NONE;
}

describe('convertForNewDefinition', () => {
  describe('documented conversions (spec §1.6)', () => {
    it.each<[string, string, unknown, unknown]>([
      ['datasource', 'text', relation, '/api/v1/content/category/c1, /api/v1/content/category/c2'],
      ['datasource', 'textarea', [], ''],
      ['geo', 'text', { lat: 52.23, lon: 21.01 }, 'lat: 52.23, lon: 21.01'],
      ['simpleList', 'text', ['red', 'green'], 'red, green'],
      ['multiSelect', 'richtext', ['x', 'y'], 'x, y'],
      ['text', 'number', 'abc', 0],
      ['checkbox', 'number', true, 0],
      ['datasource', 'number', relation, 0],
      ['text', 'checkbox', 'yes', false],
      ['number', 'checkbox', 1, false],
      ['text', 'datasource', 'abc', []],
      ['geo', 'datasource', { lat: 1, lon: 2 }, []],
      ['text', 'object', 'abc', []],
      ['simpleList', 'object', ['a'], []],
      ['number', 'geo', 5, { lat: 0, lon: 0 }],
      ['text', 'geo', 'here', { lat: 0, lon: 0 }],
    ])('%s → %s', (from, to, value, expected) => {
      expect(convertOne(from, to, value)).toEqual(expected);
    });
  });

  describe('same kind keeps the value', () => {
    it.each<[string, string, unknown]>([
      ['text', 'textarea', 'hello'],
      ['text', 'email', 'a@b.c'],
      ['radio', 'select', 'a'],
      ['number', 'integer', 5],
      ['simpleList', 'multiSelect', ['x']],
      ['datasource', 'mediaRelation', relation],
      ['text', 'text', 'unchanged'],
    ])('%s → %s', (from, to, value) => {
      expect(convertOne(from, to, value)).toBe(value);
    });
  });

  describe('undocumented targets [decided here]', () => {
    it.each<[string, string, unknown, unknown]>([
      ['number', 'text', 5, '5'],
      ['checkbox', 'text', true, 'true'],
      ['block', 'text', { blocks: [] }, NONE],
      ['object', 'text', [{ heading: 'h' }], NONE],
      ['geo', 'text', null, NONE],
      ['datasource', 'text', 'not a list', NONE],
      ['text', 'block', 'abc', NONE],
      ['text', 'custom', 'abc', 'abc'],
      ['text', 'simpleList', 'abc', ['abc']],
      ['text', 'simpleList', '', []],
      ['datasource', 'simpleList', relation, ['/api/v1/content/category/c1', '/api/v1/content/category/c2']],
      ['number', 'multiSelect', 3, []],
    ])('%s → %s', (from, to, value, expected) => {
      expect(convertOne(from, to, value)).toEqual(expected);
    });
  });

  describe('properties added, removed and renamed', () => {
    const before = ctdOf({ title: F.text, price: F.number });

    it('strips a removed property and keeps the rest', () => {
      const after = ctdOf({ title: F.text });
      expect(convertForNewDefinition(before, after, { title: 'T', price: 3 })).toStrictEqual({ title: 'T' });
    });

    it('loses the data of a renamed property', () => {
      const after = ctdOf({ title: F.text, cost: F.number });
      expect(convertForNewDefinition(before, after, { title: 'T', price: 3 })).toStrictEqual({ title: 'T' });
    });

    it('leaves a new property absent even when a stale value has its name', () => {
      const oldCtd = ctdOf({ title: F.text });
      const newCtd = ctdOf({ title: F.text, price: F.number });
      expect(convertForNewDefinition(oldCtd, newCtd, { title: 'T', price: 'stale' })).toStrictEqual({ title: 'T' });
    });

    it('keeps keys that are properties of neither definition (id, internal)', () => {
      const internal = { contentType: 'thing' };
      const result = convertForNewDefinition(before, ctdOf({ title: F.textarea }), {
        id: 'thing-1',
        internal,
        title: 'T',
      });
      expect(result).toStrictEqual({ id: 'thing-1', internal, title: 'T' });
    });

    it('does not mutate its input and keeps a __proto__ key an ordinary key', () => {
      const data = JSON.parse('{"__proto__": {"polluted": true}, "title": "T", "price": 3}');
      const copy = structuredClone(data);
      const result = convertForNewDefinition(before, ctdOf({ title: F.number }), data);
      expect(data).toEqual(copy);
      expect(result.title).toBe(0);
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('object lists convert item by item', () => {
    const listOf = (items: Record<string, FieldSpec>): FieldSpec => {
      const nested = ctdOf(items);
      return [
        { type: 'array', items: { type: 'object', properties: nested.schemaDefinition.allOf[1].properties } },
        { inputType: 'object', items: nested.metaDefinition },
      ];
    };

    it('applies removals and type changes inside each item', () => {
      const oldCtd = ctdOf({ rows: listOf({ heading: F.text, weight: F.text, note: F.text }) });
      const newCtd = ctdOf({ rows: listOf({ heading: F.textarea, weight: F.number }) });
      const data = { rows: [{ heading: 'a', weight: 'heavy', note: 'x' }, 'not an object', { heading: 'b' }] };
      expect(convertForNewDefinition(oldCtd, newCtd, data)).toStrictEqual({
        rows: [{ heading: 'a', weight: 0 }, 'not an object', { heading: 'b' }],
      });
    });

    it('keeps a list value that is not an array for the validator to refuse', () => {
      const ctd = ctdOf({ rows: listOf({ heading: F.text }) });
      expect(convertForNewDefinition(ctd, ctd, { rows: 'oops' })).toStrictEqual({ rows: 'oops' });
    });
  });
});
