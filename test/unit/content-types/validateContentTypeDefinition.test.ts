import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FLOTIQ_FIXTURES } from '../../support/fixtures';
import {
  ABSTRACT_SCHEMA_REF,
  DATA_SOURCE_REF,
  INPUT_TYPES,
  type ContentTypeDefinitionInput,
} from '../../../src/content-types/contentTypeDefinition';
import { RESERVED_PROPERTY_NAMES } from '../../../src/content-types/reservedNames';
import {
  validateContentTypeDefinition,
  type CtdValidationContext,
} from '../../../src/content-types/validateContentTypeDefinition';

/* eslint-disable @typescript-eslint/no-explicit-any -- test payloads are mutable JSON */
type Json = Record<string, any>;

const EXPORT_FIXTURES = FLOTIQ_FIXTURES;
const LOCAL_FIXTURES = path.join(__dirname, '../../fixtures/content-types');
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'));
const blogPost = () => readJson(path.join(EXPORT_FIXTURES, 'blog/ContentTypeBlogpost/ContentTypeDefinition.json'));
const recipe = () => readJson(path.join(EXPORT_FIXTURES, 'recipe/ContentTypeRecipe/ContentTypeDefinition.json'));
const blogMedia = () =>
  readJson(path.join(EXPORT_FIXTURES, 'blog/InternalContentTypeMedia/ContentTypeDefinition.json'));
const recipeMedia = () =>
  readJson(path.join(EXPORT_FIXTURES, 'recipe/InternalContentTypeMedia/ContentTypeDefinition.json'));
const everything = () => readJson(path.join(LOCAL_FIXTURES, 'everything.json'));
const category = () => readJson(path.join(LOCAL_FIXTURES, 'category.json'));

const EXISTING_TYPES = new Set(['category']);
const context: CtdValidationContext = { relationTargetExists: (name) => EXISTING_TYPES.has(name), isCreate: true };

function validate(input: unknown, extra: Partial<CtdValidationContext> = {}) {
  return validateContentTypeDefinition(input, { ...context, ...extra });
}

function errorsOf(input: unknown, extra: Partial<CtdValidationContext> = {}) {
  const result = validate(input, extra);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

function valueOf(input: unknown, extra: Partial<CtdValidationContext> = {}): ContentTypeDefinitionInput {
  const result = validate(input, extra);
  if (!result.ok) throw new Error(`expected a valid definition, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** A valid CTD named `article` with one text property `title`. */
function minimal(): Json {
  return {
    name: 'article',
    label: 'Article',
    schemaDefinition: {
      type: 'object',
      allOf: [
        { $ref: ABSTRACT_SCHEMA_REF },
        { type: 'object', properties: { title: { type: 'string', minLength: 1 } } },
      ],
      required: ['title'],
      additionalProperties: false,
    },
    metaDefinition: {
      propertiesConfig: { title: { label: 'Title', inputType: 'text', unique: false } },
      order: ['title'],
    },
  };
}

/** `minimal()` plus a property `name` with its schema node and config (label and unique filled in). */
function withField(name: string, schema: unknown, config: Json): Json {
  const ctd = minimal();
  ctd.schemaDefinition.allOf[1].properties[name] = schema;
  ctd.metaDefinition.propertiesConfig[name] = { label: 'Field', unique: false, ...config };
  ctd.metaDefinition.order.push(name);
  return ctd;
}

const properties = (ctd: Json) => ctd.schemaDefinition.allOf[1].properties;
const configs = (ctd: Json) => ctd.metaDefinition.propertiesConfig;

const S = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  strings: { type: 'array', items: { type: 'string' } },
  numbers: { type: 'array', items: { type: 'number' } },
  relation: { type: 'array', items: { $ref: DATA_SOURCE_REF }, minItems: 0 },
  list: { type: 'array', items: { type: 'object', properties: { heading: { type: 'string' } } } },
  geo: {
    type: 'object',
    properties: { lat: { type: 'number' }, lon: { type: 'number' } },
    additionalProperties: false,
  },
  block: everything().schemaDefinition.allOf[1].properties.content,
};
const LIST_META = {
  items: { order: ['heading'], propertiesConfig: { heading: { label: 'Heading', inputType: 'text', unique: false } } },
};
const ALL_BLOCK_TYPES = ['header', 'list', 'image', 'youtubeEmbed', 'quote', 'warning', 'delimiter', 'code', 'table'];
const BLOCK_ENUM =
  'Does not have a value in the enumeration ["paragraph","header","list","image","youtubeEmbed","quote","warning","delimiter","code","table"]';
const INPUT_TYPE_ENUM =
  'Does not have a value in the enumeration ["text","textarea","textMarkdown","richtext","email","radio","select",' +
  '"dateTime","custom","number","checkbox","datasource","object","geo","simpleList","block"]';
const notDefined = (p: string) =>
  `The property ${p} is not defined and the definition does not allow additional properties`;
const FIELD = 'metaDefinition.propertiesConfig.field';

describe('validateContentTypeDefinition', () => {
  describe('real definitions', () => {
    it.each([
      ['blog post (Flotiq export)', blogPost],
      ['recipe (Flotiq export)', recipe],
    ])('accepts the %s unchanged apart from defaults', (_, load) => {
      expect(valueOf(load())).toEqual({ ...load(), draftPublic: false, slugs: [] });
    });

    it.each([
      ['everything.json', everything],
      ['category.json', category],
    ])('accepts %s unchanged apart from defaults', (_, load) => {
      expect(valueOf(load())).toEqual({ ...load(), internal: false, draftPublic: false, featuredImage: [], slugs: [] });
    });

    it.each([
      ['blog', blogMedia],
      ['recipe', recipeMedia],
    ])('accepts the %s export of _media as a system type', (_, load) => {
      expect(valueOf(load(), { allowSystemName: true })).toEqual({ ...load(), draftPublic: false, slugs: [] });
    });

    it('refuses _media as a user type', () => {
      expect(errorsOf(blogMedia())).toEqual({ name: ['This value is not valid.'] });
    });

    it('everything.json really uses all 16 inputTypes', () => {
      const used = Object.values(configs(everything())).map((c: any) => c.inputType);
      expect([...new Set(used)].sort()).toEqual([...INPUT_TYPES].sort());
    });

    it('refuses the blog post once its media relation loses its validation', () => {
      const ctd = blogPost();
      delete configs(ctd).headerImage.validation;
      expect(errorsOf(ctd)).toEqual({
        'metaDefinition.propertiesConfig.headerImage': ['You have to specify type of relation for headerImage'],
      });
    });

    it('refuses everything.json when its relation target does not exist', () => {
      expect(errorsOf(everything(), { relationTargetExists: () => false })).toEqual({
        'metaDefinition.propertiesConfig.categories.validation.relationContenttype': [
          'Content type category used in relation of categories does not exist',
        ],
      });
    });
  });

  describe('name', () => {
    it.each<[string, unknown, string[]]>([
      ['missing', undefined, ['The property name is required']],
      ['empty', '', ['Must be at least 1 characters long']],
      ['upper case', 'Article', ['This value is not valid.']],
      ['with a dash', 'blog-post', ['This value is not valid.']],
      ['with a digit', 'blog1', ['This value is not valid.']],
      ['a system name', '_media', ['This value is not valid.']],
      ['a number', 42, ['Integer value found, but a string is required']],
      ['null', null, ['NULL value found, but a string is required']],
    ])('refuses a name that is %s', (_, name, messages) => {
      const ctd = { ...minimal(), name };
      expect(errorsOf(ctd)).toEqual({ name: messages });
    });

    it.each([
      ['lower case with underscores', 'blog_post', {}],
      ['a system name when allowed', '_secret', { allowSystemName: true }],
      ['a user name when system names are allowed', 'plain', { allowSystemName: true }],
    ])('accepts %s', (_, name, extra) => {
      expect(valueOf({ ...minimal(), name }, extra).name).toBe(name);
    });

    it('applies the same rules on update', () => {
      expect(errorsOf({ ...minimal(), name: 'Bad' }, { isCreate: false })).toEqual({
        name: ['This value is not valid.'],
      });
      expect(valueOf(minimal(), { isCreate: false }).name).toBe('article');
    });
  });

  describe('label and other top-level fields', () => {
    it.each<[string, (ctd: Json) => void, Record<string, string[]>]>([
      ['missing label', (c) => delete c.label, { label: ['The property label is required'] }],
      ['empty label', (c) => (c.label = ''), { label: ['Must be at least 1 characters long'] }],
      ['null label', (c) => (c.label = null), { label: ['NULL value found, but a string is required'] }],
      ['unknown key', (c) => (c.color = 'red'), { color: [notDefined('color')] }],
      [
        'non-boolean internal',
        (c) => (c.internal = 'yes'),
        { internal: ['String value found, but a boolean is required'] },
      ],
      [
        'non-boolean draftPublic',
        (c) => (c.draftPublic = 1),
        { draftPublic: ['Integer value found, but a boolean is required'] },
      ],
      [
        'non-string workflowId',
        (c) => (c.workflowId = 1.5),
        { workflowId: ['Number value found, but a string is required'] },
      ],
      [
        'featuredImage object',
        (c) => (c.featuredImage = {}),
        { featuredImage: ['Object value found, but an array is required'] },
      ],
      [
        'bad featuredImage item',
        (c) => (c.featuredImage = [{ type: 'remote', size: 1 }]),
        {
          'featuredImage[0].dataUrl': ['The property dataUrl is required'],
          'featuredImage[0].type': ['Does not have a value in the enumeration ["internal","external"]'],
          'featuredImage[0].size': [notDefined('size')],
        },
      ],
    ])('refuses %s', (_, mutate, expected) => {
      const ctd = minimal();
      mutate(ctd);
      expect(errorsOf(ctd)).toEqual(expected);
    });

    it.each<[string, unknown, string]>([
      ['an array', [], 'Array value found, but an object is required'],
      ['null', null, 'NULL value found, but an object is required'],
      ['a string', 'article', 'String value found, but an object is required'],
    ])('refuses a payload that is %s under "ctd"', (_, input, message) => {
      expect(errorsOf(input)).toEqual({ ctd: [message] });
    });

    it('ignores and drops id, createdAt, updatedAt and deletedAt from exports', () => {
      const value = valueOf({ ...minimal(), id: 'x', createdAt: 'a', updatedAt: 'b', deletedAt: null });
      for (const key of ['id', 'createdAt', 'updatedAt', 'deletedAt']) expect(value).not.toHaveProperty(key);
    });

    it('keeps draftPublic, workflowId and featuredImage', () => {
      const featuredImage = [{ dataUrl: '/api/v1/content/_media/m1', type: 'internal' }];
      const value = valueOf({ ...minimal(), draftPublic: true, workflowId: 'generic', featuredImage });
      expect(value).toMatchObject({ draftPublic: true, workflowId: 'generic', featuredImage });
    });
  });

  describe('schemaDefinition', () => {
    const ABSTRACT_ENUM = `Does not have a value in the enumeration ["${ABSTRACT_SCHEMA_REF}"]`;
    it.each<[string, (ctd: Json) => void, Record<string, string[]>]>([
      [
        'missing',
        (c) => delete c.schemaDefinition,
        { schemaDefinition: ['The property schemaDefinition is required'] },
      ],
      [
        'missing allOf',
        (c) => delete c.schemaDefinition.allOf,
        { 'schemaDefinition.allOf': ['The property allOf is required'] },
      ],
      [
        'allOf with one element',
        (c) => c.schemaDefinition.allOf.pop(),
        {
          'schemaDefinition.allOf': ['There must be a minimum of 2 items in the array'],
          'schemaDefinition.properties': ['You must specify at least one schema property'],
        },
      ],
      [
        'allOf with three elements',
        (c) => c.schemaDefinition.allOf.push({ type: 'object' }),
        { 'schemaDefinition.allOf': ['There must be a maximum of 2 items in the array'] },
      ],
      [
        'a wrong $ref',
        (c) => (c.schemaDefinition.allOf[0].$ref = '#/components/schemas/Other'),
        { 'schemaDefinition.allOf.0.$ref': [ABSTRACT_ENUM] },
      ],
      [
        'allOf in the wrong order',
        (c) => c.schemaDefinition.allOf.reverse(),
        {
          'schemaDefinition.allOf.0.$ref': ['The property $ref is required'],
          'schemaDefinition.allOf.0.type': [notDefined('type')],
          'schemaDefinition.allOf.0.properties': [notDefined('properties')],
          'schemaDefinition.allOf.1.$ref': [notDefined('$ref')],
          'schemaDefinition.properties': ['You must specify at least one schema property'],
        },
      ],
      [
        'no properties',
        (c) => (c.schemaDefinition.allOf[1].properties = {}),
        {
          'schemaDefinition.properties': ['You must specify at least one schema property'],
          'schemaDefinition.required': ['Property name title not existing in schema definition'],
          'metaDefinition.propertiesConfig': ['Property name title not existing in schema definition'],
          'metaDefinition.order': ['Property name title not existing in schema definition'],
        },
      ],
      [
        'properties that are not an object',
        (c) => (c.schemaDefinition.allOf[1].properties = ['title']),
        { 'schemaDefinition.allOf.1.properties': ['Array value found, but an object is required'] },
      ],
      [
        'type array',
        (c) => (c.schemaDefinition.type = 'array'),
        { 'schemaDefinition.type': ['Does not have a value in the enumeration ["object"]'] },
      ],
      [
        'additionalProperties true',
        (c) => (c.schemaDefinition.additionalProperties = true),
        { 'schemaDefinition.additionalProperties': ['Does not have a value in the enumeration [false]'] },
      ],
      [
        'unknown key',
        (c) => (c.schemaDefinition.properties = {}),
        { 'schemaDefinition.properties': [notDefined('properties')] },
      ],
      [
        'duplicated required',
        (c) => c.schemaDefinition.required.push('title'),
        { 'schemaDefinition.required': ['There are no duplicates allowed in the array'] },
      ],
      [
        'an unknown required property',
        (c) => c.schemaDefinition.required.push('body'),
        { 'schemaDefinition.required': ['Property name body not existing in schema definition'] },
      ],
      [
        'an unknown schema type',
        (c) => (properties(c).title.type = 'strin'),
        {
          'schemaDefinition.allOf[1].properties.title.type': [
            'Does not have a value in the enumeration ["array","boolean","integer","null","number","object","string"]',
          ],
          'metaDefinition.propertiesConfig.title': ['Wrong meta type for type of title'],
        },
      ],
      [
        'an invalid regex pattern',
        (c) => (properties(c).title.pattern = '(unclosed'),
        { 'schemaDefinition.allOf[1].properties.title.pattern': ['This value is not a valid regular expression'] },
      ],
      [
        'a property schema that is not an object',
        (c) => (properties(c).title = 'string'),
        { 'schemaDefinition.allOf[1].properties.title': ['String value found, but an object is required'] },
      ],
    ])('refuses %s', (_, mutate, expected) => {
      const ctd = minimal();
      mutate(ctd);
      expect(errorsOf(ctd)).toEqual(expected);
    });

    it('checks schema types nested inside a property', () => {
      const ctd = withField(
        'place',
        { ...S.geo, properties: { lat: { type: 'float' }, lon: { type: 'number' } } },
        { inputType: 'geo' },
      );
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.allOf[1].properties.place.properties.lat.type': [
          'Does not have a value in the enumeration ["array","boolean","integer","null","number","object","string"]',
        ],
        'metaDefinition.propertiesConfig.place': ['Wrong meta type for type of place'],
      });
    });

    it('defaults required to []', () => {
      const ctd = minimal();
      delete ctd.schemaDefinition.required;
      expect(valueOf(ctd).schemaDefinition.required).toEqual([]);
    });
  });

  describe('property names', () => {
    it.each(['my-field', 'zażółć', 'with space', 'dot.ted'])('refuses %s', (name) => {
      expect(errorsOf(withField(name, S.string, { inputType: 'text' }))).toEqual({
        'schemaDefinition.properties': ['Invalid value. Only a-z, A-Z, 0-9 and _ are allowed'],
      });
    });

    it.each(['Title_2', '_private', 'ABC'])('accepts %s', (name) => {
      expect(validate(withField(name, S.string, { inputType: 'text' })).ok).toBe(true);
    });

    it.each([...RESERVED_PROPERTY_NAMES])('refuses the reserved name %s', (name) => {
      expect(errorsOf(withField(name, S.string, { inputType: 'text' }))).toEqual({
        'schemaDefinition.properties': [`Property name ${name} not allowed`],
      });
    });

    it('reports a repeated name problem once per message', () => {
      const ctd = withField('a-b', S.string, { inputType: 'text' });
      properties(ctd)['c-d'] = S.string;
      configs(ctd)['c-d'] = { label: 'C', inputType: 'text', unique: false };
      ctd.metaDefinition.order.push('c-d', 'id');
      properties(ctd).id = S.string;
      configs(ctd).id = { label: 'Id', inputType: 'text', unique: false };
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.properties': [
          'Invalid value. Only a-z, A-Z, 0-9 and _ are allowed',
          'Property name id not allowed',
        ],
      });
    });
  });

  describe('propertiesConfig entries', () => {
    const TITLE = 'metaDefinition.propertiesConfig.title';
    it.each<[string, (config: Json) => void, Record<string, string[]>]>([
      ['a missing label', (c) => delete c.label, { [`${TITLE}.label`]: ['The property label is required'] }],
      [
        'a non-string label',
        (c) => (c.label = 3),
        { [`${TITLE}.label`]: ['Integer value found, but a string is required'] },
      ],
      [
        'a missing inputType',
        (c) => delete c.inputType,
        { [`${TITLE}.inputType`]: ['The property inputType is required'] },
      ],
      ['an unknown inputType', (c) => (c.inputType = 'markdown'), { [`${TITLE}.inputType`]: [INPUT_TYPE_ENUM] }],
      ['a missing unique', (c) => delete c.unique, { [`${TITLE}.unique`]: ['The property unique is required'] }],
      [
        'a non-boolean unique',
        (c) => (c.unique = 'no'),
        { [`${TITLE}.unique`]: ['String value found, but a boolean is required'] },
      ],
      ['an unknown key', (c) => (c.placeholder = 'x'), { [`${TITLE}.placeholder`]: [notDefined('placeholder')] }],
      [
        'a non-boolean hidden',
        (c) => (c.hidden = 'no'),
        { [`${TITLE}.hidden`]: ['String value found, but a boolean is required'] },
      ],
      [
        'an upper-case inputSubtype',
        (c) => (c.inputSubtype = 'Big'),
        { [`${TITLE}.inputSubtype`]: ['Does not match the regex pattern ^[a-z]+$'] },
      ],
      [
        'items on a text',
        (c) => Object.assign(c, LIST_META),
        { [`${TITLE}.items`]: ['The property items is only allowed for inputType object'] },
      ],
      [
        'nested meta on a text',
        (c) => Object.assign(c, { propertiesConfig: {}, order: [] }),
        {
          [`${TITLE}.propertiesConfig`]: ['The property propertiesConfig is only allowed for inputType custom'],
          [`${TITLE}.order`]: ['The property order is only allowed for inputType custom'],
        },
      ],
    ])('refuses %s', (_, mutate, expected) => {
      const ctd = minimal();
      mutate(configs(ctd).title);
      expect(errorsOf(ctd)).toEqual(expected);
    });

    it('refuses a config that is not an object', () => {
      const ctd = minimal();
      configs(ctd).title = 'text';
      expect(errorsOf(ctd)).toEqual({ [TITLE]: ['String value found, but an object is required'] });
    });

    it('accepts every documented optional key', () => {
      const ctd = minimal();
      Object.assign(configs(ctd).title, {
        inputSubtype: 'slug',
        readonly: false,
        hidden: false,
        helpText: 'Help',
        isTitlePart: true,
        isPassword: false,
      });
      expect(valueOf(ctd).metaDefinition.propertiesConfig.title).toEqual(configs(ctd).title);
    });
  });

  describe('schema ⇄ meta ⇄ order consistency', () => {
    it.each<[string, (ctd: Json) => void, Record<string, string[]>]>([
      [
        'a property without config',
        (c) => {
          properties(c).body = S.string;
          c.metaDefinition.order.push('body');
        },
        { 'metaDefinition.propertiesConfig': ['Property name body not existing in meta definition'] },
      ],
      [
        'a config without property',
        (c) => (configs(c).ghost = { label: 'Ghost', inputType: 'text', unique: false }),
        { 'metaDefinition.propertiesConfig': ['Property name ghost not existing in schema definition'] },
      ],
      [
        'a property missing from the order',
        (c) => (c.metaDefinition.order = []),
        { 'metaDefinition.order': ['Property name title not existing in the order'] },
      ],
      [
        'an order entry without property',
        (c) => c.metaDefinition.order.push('ghost'),
        { 'metaDefinition.order': ['Property name ghost not existing in schema definition'] },
      ],
      [
        'a duplicated order entry',
        (c) => c.metaDefinition.order.push('title'),
        { 'metaDefinition.order': ['There are no duplicates allowed in the array'] },
      ],
      [
        'a non-string order entry',
        (c) => c.metaDefinition.order.push(7),
        { 'metaDefinition.order[1]': ['Integer value found, but a string is required'] },
      ],
      [
        'a missing metaDefinition',
        (c) => delete c.metaDefinition,
        { metaDefinition: ['The property metaDefinition is required'] },
      ],
      [
        'a missing propertiesConfig',
        (c) => delete c.metaDefinition.propertiesConfig,
        { 'metaDefinition.propertiesConfig': ['The property propertiesConfig is required'] },
      ],
      [
        'a missing order',
        (c) => delete c.metaDefinition.order,
        { 'metaDefinition.order': ['The property order is required'] },
      ],
      [
        'an unknown meta key',
        (c) => (c.metaDefinition.groups = []),
        { 'metaDefinition.groups': [notDefined('groups')] },
      ],
    ])('refuses %s', (_, mutate, expected) => {
      const ctd = minimal();
      mutate(ctd);
      expect(errorsOf(ctd)).toEqual(expected);
    });
  });

  describe('inputType ⇄ schema type (spec §1.4)', () => {
    it.each<[string, unknown, Json]>([
      ['text', S.string, { inputType: 'text' }],
      ['text (nullable string)', { type: ['string', 'null'] }, { inputType: 'text' }],
      ['textarea', S.string, { inputType: 'textarea' }],
      ['textMarkdown', S.string, { inputType: 'textMarkdown' }],
      ['richtext', S.string, { inputType: 'richtext' }],
      ['email', S.string, { inputType: 'email' }],
      ['radio', S.string, { inputType: 'radio', options: ['S', 'M'] }],
      ['select', S.string, { inputType: 'select', options: ['a', 'b'] }],
      ['select (multiple)', S.strings, { inputType: 'select', multiple: true, options: ['a', 'b'] }],
      [
        'select (labelled options)',
        S.string,
        { inputType: 'select', useOptionsWithLabels: true, optionsWithLabels: [{ value: 'a', label: 'A' }] },
      ],
      [
        'dateTime',
        { type: 'string', pattern: '^([12]\\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))$' },
        { inputType: 'dateTime', showTime: false },
      ],
      ['number', S.number, { inputType: 'number' }],
      ['number (integer)', S.integer, { inputType: 'number' }],
      ['checkbox', S.boolean, { inputType: 'checkbox' }],
      [
        'datasource',
        S.relation,
        { inputType: 'datasource', validation: { relationContenttype: 'category', relationMultiple: true } },
      ],
      ['datasource (any type, "")', S.relation, { inputType: 'datasource', validation: { relationContenttype: '' } }],
      ['datasource (any type, absent)', S.relation, { inputType: 'datasource', validation: {} }],
      [
        'datasource (system _media)',
        S.relation,
        { inputType: 'datasource', validation: { relationContenttype: '_media' } },
      ],
      ['datasource (itself)', S.relation, { inputType: 'datasource', validation: { relationContenttype: 'article' } }],
      ['object', S.list, { inputType: 'object', ...LIST_META }],
      ['geo', S.geo, { inputType: 'geo' }],
      ['simpleList', S.strings, { inputType: 'simpleList' }],
      ['block', S.block, { inputType: 'block', blockEditorTypes: ['paragraph', ...ALL_BLOCK_TYPES] }],
      ['block (bare object)', S.object, { inputType: 'block' }],
      ['custom (string)', S.string, { inputType: 'custom' }],
      ['custom (array)', S.numbers, { inputType: 'custom' }],
      [
        'custom (nested meta)',
        { type: 'object', properties: { top: { type: 'number' } } },
        {
          inputType: 'custom',
          order: ['top'],
          propertiesConfig: { top: { label: 'Top', inputType: 'number', unique: false } },
        },
      ],
    ])('accepts %s', (_, schema, config) => {
      const ctd = withField('field', schema, config);
      expect(valueOf(ctd).metaDefinition.propertiesConfig.field).toEqual(configs(ctd).field);
    });

    it.each<[string, unknown, Json]>([
      ['text on a number', S.number, { inputType: 'text' }],
      ['text on an ambiguous type', { type: ['string', 'number'] }, { inputType: 'text' }],
      ['text without type', {}, { inputType: 'text' }],
      ['textarea on a boolean', S.boolean, { inputType: 'textarea' }],
      ['textMarkdown on an array', S.strings, { inputType: 'textMarkdown' }],
      ['richtext on an object', S.object, { inputType: 'richtext' }],
      ['email on a number', S.number, { inputType: 'email' }],
      ['radio on a number', S.number, { inputType: 'radio', options: ['1'] }],
      ['select on an array without multiple', S.strings, { inputType: 'select', options: ['a'] }],
      ['select multiple on a string', S.string, { inputType: 'select', multiple: true, options: ['a'] }],
      ['select multiple on numbers', S.numbers, { inputType: 'select', multiple: true, options: ['a'] }],
      ['dateTime on a number', S.number, { inputType: 'dateTime' }],
      ['number on a string', S.string, { inputType: 'number' }],
      ['checkbox on a string', S.string, { inputType: 'checkbox' }],
      ['datasource on strings', S.strings, { inputType: 'datasource', validation: {} }],
      [
        'datasource with another $ref',
        { type: 'array', items: { $ref: '#/components/schemas/Other' } },
        { inputType: 'datasource', validation: {} },
      ],
      ['object on strings', S.strings, { inputType: 'object', ...LIST_META }],
      ['object on a bare object', S.object, { inputType: 'object', ...LIST_META }],
      ['geo without lon', { type: 'object', properties: { lat: { type: 'number' } } }, { inputType: 'geo' }],
      [
        'geo with a string lat',
        { type: 'object', properties: { lat: { type: 'string' }, lon: { type: 'number' } } },
        { inputType: 'geo' },
      ],
      [
        'geo with an extra property',
        { ...S.geo, properties: { ...S.geo.properties, zoom: { type: 'number' } } },
        { inputType: 'geo' },
      ],
      ['geo on an array', S.numbers, { inputType: 'geo' }],
      ['simpleList on numbers', S.numbers, { inputType: 'simpleList' }],
      ['simpleList on a string', S.string, { inputType: 'simpleList' }],
      ['block on a string', S.string, { inputType: 'block' }],
    ])('refuses %s', (_, schema, config) => {
      expect(errorsOf(withField('field', schema, config))).toEqual({ [FIELD]: ['Wrong meta type for type of field'] });
    });

    it('refuses custom whose nested meta names a missing property', () => {
      const ctd = withField(
        'field',
        { type: 'object', properties: { top: { type: 'number' } } },
        {
          inputType: 'custom',
          order: ['top', 'nope'],
          propertiesConfig: {
            top: { label: 'Top', inputType: 'number', unique: false },
            nope: { label: 'Nope', inputType: 'number', unique: false },
          },
        },
      );
      expect(errorsOf(ctd)).toEqual({
        [`${FIELD}.propertiesConfig`]: ['Property name nope not existing in schema definition'],
        [`${FIELD}.order`]: ['Property name nope not existing in schema definition'],
      });
    });

    it('refuses custom with nested propertiesConfig but no order', () => {
      const ctd = withField(
        'field',
        { type: 'object', properties: { top: { type: 'number' } } },
        {
          inputType: 'custom',
          propertiesConfig: { top: { label: 'Top', inputType: 'number', unique: false } },
        },
      );
      expect(errorsOf(ctd)).toEqual({ [`${FIELD}.order`]: ['The property order is required'] });
    });
  });

  describe('inputType rules', () => {
    it.each<[string, unknown, Json, Record<string, string[]>]>([
      [
        'unique radio',
        S.string,
        { inputType: 'radio', options: ['a'], unique: true },
        { [`${FIELD}.unique`]: ['A property of inputType radio cannot be unique'] },
      ],
      [
        'unique checkbox',
        S.boolean,
        { inputType: 'checkbox', unique: true },
        { [`${FIELD}.unique`]: ['A property of inputType checkbox cannot be unique'] },
      ],
      [
        'radio without options',
        S.string,
        { inputType: 'radio' },
        { [`${FIELD}.options`]: ['The property options is required'] },
      ],
      [
        'select without options',
        S.string,
        { inputType: 'select' },
        { [`${FIELD}.options`]: ['The property options is required'] },
      ],
      [
        'radio with no options',
        S.string,
        { inputType: 'radio', options: [] },
        { [`${FIELD}.options`]: ['There must be a minimum of 1 items in the array'] },
      ],
      [
        'non-string options',
        S.string,
        { inputType: 'select', options: ['a', 2] },
        { [`${FIELD}.options[1]`]: ['Integer value found, but a string is required'] },
      ],
      [
        'labelled options switched on but missing',
        S.string,
        { inputType: 'select', useOptionsWithLabels: true, options: ['a'] },
        { [`${FIELD}.optionsWithLabels`]: ['The property optionsWithLabels is required'] },
      ],
      [
        'a labelled option without label',
        S.string,
        { inputType: 'radio', useOptionsWithLabels: true, optionsWithLabels: [{ value: 'a', colour: 'red' }] },
        {
          [`${FIELD}.optionsWithLabels[0].label`]: ['The property label is required'],
          [`${FIELD}.optionsWithLabels[0].colour`]: [notDefined('colour')],
        },
      ],
      [
        'datasource without validation',
        S.relation,
        { inputType: 'datasource' },
        { [FIELD]: ['You have to specify type of relation for field'] },
      ],
      [
        'datasource with null validation',
        S.relation,
        { inputType: 'datasource', validation: null },
        { [FIELD]: ['You have to specify type of relation for field'] },
      ],
      [
        'datasource to a missing type',
        S.relation,
        { inputType: 'datasource', validation: { relationContenttype: 'author' } },
        {
          [`${FIELD}.validation.relationContenttype`]: ['Content type author used in relation of field does not exist'],
        },
      ],
      [
        'a malformed validation',
        S.relation,
        { inputType: 'datasource', validation: { relationMultiple: 'yes', min: 1 } },
        {
          [`${FIELD}.validation.relationMultiple`]: ['String value found, but a boolean is required'],
          [`${FIELD}.validation.min`]: [notDefined('min')],
        },
      ],
      [
        'an unknown block type',
        S.block,
        { inputType: 'block', blockEditorTypes: ['header', 'gallery'] },
        { [`${FIELD}.blockEditorTypes[1]`]: [BLOCK_ENUM] },
      ],
      [
        'blockEditorTypes not a list',
        S.block,
        { inputType: 'block', blockEditorTypes: 'header' },
        { [`${FIELD}.blockEditorTypes`]: ['String value found, but an array is required'] },
      ],
    ])('refuses %s', (_, schema, config, expected) => {
      expect(errorsOf(withField('field', schema, config))).toEqual(expected);
    });
  });

  describe('object (list) properties recurse', () => {
    const LIST = 'metaDefinition.propertiesConfig.field.items';
    const list = (mutate: (schemaItems: Json, meta: Json) => void) => {
      const ctd = withField('field', structuredClone(S.list), { inputType: 'object', ...structuredClone(LIST_META) });
      mutate(properties(ctd).field.items, configs(ctd).field.items);
      return ctd;
    };

    it.each<[string, (schemaItems: Json, meta: Json) => void, Record<string, string[]>]>([
      [
        'a nested wrong meta type',
        (_s, m) => (m.propertiesConfig.heading.inputType = 'number'),
        { [`${LIST}.propertiesConfig.heading`]: ['Wrong meta type for type of heading'] },
      ],
      [
        'a nested property without config',
        (s, m) => {
          s.properties.weight = { type: 'number' };
          m.order.push('weight');
        },
        { [`${LIST}.propertiesConfig`]: ['Property name weight not existing in meta definition'] },
      ],
      [
        'a nested property missing from the order',
        (_s, m) => (m.order = []),
        { [`${LIST}.order`]: ['Property name heading not existing in the order'] },
      ],
      [
        'a nested bad property name',
        (s, m) => {
          s.properties['sub-title'] = { type: 'string' };
          m.propertiesConfig['sub-title'] = { label: 'Sub', inputType: 'text', unique: false };
          m.order.push('sub-title');
        },
        {
          'schemaDefinition.properties.field.items.properties': ['Invalid value. Only a-z, A-Z, 0-9 and _ are allowed'],
        },
      ],
      [
        'nested empty properties',
        (s) => (s.properties = {}),
        {
          'schemaDefinition.properties.field.items.properties': ['You must specify at least one schema property'],
          [`${LIST}.propertiesConfig`]: ['Property name heading not existing in schema definition'],
          [`${LIST}.order`]: ['Property name heading not existing in schema definition'],
        },
      ],
      [
        'a nested unknown schema type',
        (s) => (s.properties.heading.type = 'text'),
        {
          'schemaDefinition.allOf[1].properties.field.items.properties.heading.type': [
            'Does not have a value in the enumeration ["array","boolean","integer","null","number","object","string"]',
          ],
          [`${LIST}.propertiesConfig.heading`]: ['Wrong meta type for type of heading'],
        },
      ],
      [
        'a nested relation to a missing type',
        (s, m) => {
          s.properties.image = S.relation;
          m.propertiesConfig.image = {
            label: 'Image',
            inputType: 'datasource',
            unique: false,
            validation: { relationContenttype: 'photo' },
          };
          m.order.push('image');
        },
        {
          [`${LIST}.propertiesConfig.image.validation.relationContenttype`]: [
            'Content type photo used in relation of image does not exist',
          ],
        },
      ],
      [
        'nested meta without order',
        (_s, m) => delete m.order,
        { [`${LIST}.order`]: ['The property order is required'] },
      ],
    ])('refuses %s', (_, mutate, expected) => {
      expect(errorsOf(list(mutate))).toEqual(expected);
    });

    it('requires the nested meta', () => {
      expect(errorsOf(withField('field', S.list, { inputType: 'object' }))).toEqual({
        [LIST]: ['The property items is required'],
      });
    });

    it('allows names inside a list that are reserved at the top level', () => {
      const ctd = list((s, m) => {
        s.properties.id = { type: 'string' };
        m.propertiesConfig.id = { label: 'Id', inputType: 'text', unique: false };
        m.order.push('id');
      });
      expect(validate(ctd).ok).toBe(true);
    });
  });

  describe('slugs', () => {
    const slugged = (slugs: unknown) => {
      const ctd = withField('slug', S.string, { inputType: 'text' });
      return { ...ctd, slugs };
    };

    it('keeps valid rules, defaulting active to true', () => {
      const value = valueOf(
        slugged([
          { source: 'title', target: 'slug', active: false },
          { source: 'title', target: 'slug' },
        ]),
      );
      expect(value.slugs).toEqual([
        { source: 'title', target: 'slug', active: false },
        { source: 'title', target: 'slug', active: true },
      ]);
    });

    it('drops inactive rules with a missing field silently', () => {
      expect(
        valueOf(
          slugged([
            { source: 'title', active: false },
            { target: '', active: false },
          ]),
        ).slugs,
      ).toEqual([]);
    });

    it.each<[string, unknown, Record<string, string[]>]>([
      [
        'an active rule without source',
        [{ target: 'slug', active: true }],
        { 'slugs[0].source': ['Slug source is required.'] },
      ],
      [
        'a rule with an empty target',
        [{ source: 'title', target: '' }],
        { 'slugs[0].target': ['Slug target is required.'] },
      ],
      [
        'an unknown source',
        [{ source: 'name', target: 'slug', active: true }],
        { 'slugs[0].source': ['Field "name" used as slug source does not exist in the type definition.'] },
      ],
      [
        'an unknown target',
        [{ source: 'title', target: 'url', active: true }],
        { 'slugs[0].target': ['Field "url" used as slug target does not exist in the type definition.'] },
      ],
      [
        'an inactive complete rule with an unknown field',
        [{ source: 'title', target: 'url', active: false }],
        { 'slugs[0].target': ['Field "url" used as slug target does not exist in the type definition.'] },
      ],
      ['slugs that are not a list', { source: 'title' }, { slugs: ['Object value found, but an array is required'] }],
      [
        'a rule with an unknown key',
        [{ source: 'title', target: 'slug', lang: 'en' }],
        { 'slugs[0].lang': [notDefined('lang')] },
      ],
      [
        'a non-boolean active',
        [{ source: 'title', target: 'slug', active: 'yes' }],
        { 'slugs[0].active': ['String value found, but a boolean is required'] },
      ],
    ])('refuses %s', (_, slugs, expected) => {
      expect(errorsOf(slugged(slugs))).toEqual(expected);
    });
  });

  describe('unsafe input', () => {
    it('refuses a top-level __proto__ key without polluting anything', () => {
      const ctd = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(minimal()).slice(1)}`);
      const errors = errorsOf(ctd);
      expect(Object.keys(errors)).toEqual(['__proto__']);
      expect(Object.getOwnPropertyDescriptor(errors, '__proto__')?.value).toEqual(['Key __proto__ is not allowed']);
      expect(({} as Json).polluted).toBeUndefined();
    });

    it('refuses a property named constructor, naming both paths', () => {
      const ctd = withField('constructor', S.string, { inputType: 'text' });
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.allOf[1].properties.constructor': ['Key constructor is not allowed'],
        'metaDefinition.propertiesConfig.constructor': ['Key constructor is not allowed'],
      });
    });

    it('refuses a prototype key deep inside a config', () => {
      const ctd = minimal();
      configs(ctd).title.prototype = {};
      expect(errorsOf(ctd)).toEqual({
        'metaDefinition.propertiesConfig.title.prototype': ['Key prototype is not allowed'],
      });
    });

    it('refuses an Object.prototype member as a property name, and looks up configs as own properties only', () => {
      const ctd = minimal();
      properties(ctd).toString = S.string;
      ctd.metaDefinition.order.push('toString');
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.properties': ['Property name toString not allowed'],
        'metaDefinition.propertiesConfig': ['Property name toString not existing in meta definition'],
      });
    });

    it('refuses values that are not JSON', () => {
      const ctd = minimal();
      properties(ctd).title.minLength = Number.NaN;
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.allOf[1].properties.title.minLength': ['This value is not valid JSON'],
      });
    });

    it('refuses objects that are not plain JSON objects', () => {
      const ctd = minimal();
      properties(ctd).title.default = new Date(0);
      expect(errorsOf(ctd)).toEqual({
        'schemaDefinition.allOf[1].properties.title.default': ['This value is not valid JSON'],
      });
    });

    it('stops at nesting deeper than 40 levels', () => {
      let deep: Json = {};
      for (let i = 0; i < 60; i += 1) deep = { a: deep };
      const ctd = minimal();
      properties(ctd).title.default = deep;
      delete ctd.label;
      const errors = errorsOf(ctd);
      expect(Object.values(errors)).toEqual([['Nesting deeper than 40 levels is not allowed']]);
      expect(Object.keys(errors)[0]).toMatch(/^schemaDefinition\.allOf\[1\]\.properties\.title\.default(\.a)+$/);
    });
  });

  describe('result', () => {
    it('collects every error, not just the first', () => {
      const ctd = withField('bad-name', S.number, { inputType: 'text' });
      ctd.name = 'Bad';
      delete ctd.label;
      delete configs(ctd).title.unique;
      expect(errorsOf(ctd)).toEqual({
        name: ['This value is not valid.'],
        label: ['The property label is required'],
        'schemaDefinition.properties': ['Invalid value. Only a-z, A-Z, 0-9 and _ are allowed'],
        'metaDefinition.propertiesConfig.title.unique': ['The property unique is required'],
        'metaDefinition.propertiesConfig.bad-name': ['Wrong meta type for type of bad-name'],
      });
    });

    it('normalises defaults and forces internal false on a user type', () => {
      const ctd: Json = { ...minimal(), internal: true };
      delete ctd.schemaDefinition.required;
      delete ctd.schemaDefinition.type;
      expect(valueOf(ctd)).toEqual({
        ...minimal(),
        internal: false,
        draftPublic: false,
        featuredImage: [],
        slugs: [],
        schemaDefinition: { ...minimal().schemaDefinition, required: [] },
      });
    });

    it('marks an accepted system name internal', () => {
      expect(valueOf({ ...minimal(), name: '_secret', internal: false }, { allowSystemName: true }).internal).toBe(
        true,
      );
    });

    it('returns plain objects of this realm', () => {
      const value = valueOf(category());
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(value.metaDefinition.propertiesConfig.name)).toBe(Object.prototype);
      expect(value.schemaDefinition.allOf[1].properties.name).toBeInstanceOf(Object);
    });

    it('returns a deep copy', () => {
      const ctd = minimal();
      const value = valueOf(ctd);
      value.metaDefinition.propertiesConfig.title.label = 'Changed';
      value.schemaDefinition.allOf[1].properties.title.minLength = 5;
      expect(ctd).toEqual(minimal());
    });
  });
});
