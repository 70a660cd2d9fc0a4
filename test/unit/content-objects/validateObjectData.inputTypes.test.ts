import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { createObjectValidator } from '../../../src/content-objects/validation/objectValidator';
import { validateObjectData } from '../../../src/content-objects/validation/validateObjectData';
import type { FieldErrors } from '../../../src/errors/appError';

/** One accepted and at least one rejected value for every inputType of everything.json. */

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;
const fullValidator = createObjectValidator(everything, 'full');

/** Validates `{title: 'T', ...fields}` so only the field under test can fail. */
function check(fields: Record<string, unknown>): FieldErrors {
  return validateObjectData(everything, { title: 'T', ...fields }, 'full', fullValidator);
}

const media = (id: string) => ({ dataUrl: `/api/v1/content/_media/${id}`, type: 'internal' });
const category = (id: string) => ({ dataUrl: `/api/v1/content/category/${id}`, type: 'internal' });

const editorJsValue = {
  time: 1700000000000,
  version: '2.28.2',
  blocks: [
    { id: 'h1', type: 'header', data: { text: 'Title', level: 2, anchor: '' } },
    { id: 'p1', type: 'paragraph', data: { text: 'Hello' }, tunes: { alignmentTuneTool: { alignment: 'left' } } },
    { id: 'l1', type: 'list', data: { style: 'ordered', items: [{ content: 'one', items: [{ content: 'nested', items: [] }] }] } },
    { id: 'i1', type: 'image', data: { url: 'https://x/y.jpg', width: 10, height: 10, caption: '', stretched: false } },
    { id: 'q1', type: 'quote', data: { text: 'Quote', caption: 'who', alignment: 'left' } },
    { id: 't1', type: 'table', data: { withHeadings: true, content: [['a', 'b'], ['c', 'd']] } },
  ],
};

describe('validateObjectData: every inputType of everything.json', () => {
  it.each<[string, Record<string, unknown>]>([
    ['text', { title: 'Hello world' }],
    ['textarea', { summary: 'multi\nline' }],
    ['textMarkdown', { notes: '# Heading\n\n*md*' }],
    ['richtext', { body: '<p>Some <b>HTML</b></p>' }],
    ['email', { contactEmail: 'jane.doe+cms@example.co.uk' }],
    ['email left blank', { contactEmail: '' }],
    ['radio', { size: 'M' }],
    ['select', { colour: 'green' }],
    ['select multiple (optionsWithLabels values)', { flavours: ['sweet', 'salty'] }],
    ['select multiple, nothing chosen', { flavours: [] }],
    ['dateTime with time', { publishedOn: '2024-12-22T12:00' }],
    ['dateTime date only', { publishedOn: '2020-03-03' }],
    ['dateTime empty (pattern starts with ^$|)', { publishedOn: '' }],
    ['custom', { extra: 'anything at all' }],
    ['number', { price: 9.99 }],
    ['number zero and negative', { price: -1 }],
    ['checkbox', { inStock: false }],
    ['datasource multiple', { categories: [category('cat-1'), category('cat-2')] }],
    ['datasource without type', { categories: [{ dataUrl: '/api/v1/content/category/cat-1' }] }],
    ['datasource single', { cover: [media('_media-1')] }],
    ['datasource empty', { cover: [] }],
    ['object list', { sections: [{ heading: 'Intro', weight: 1, image: [media('_media-2')] }, {}] }],
    ['geo', { location: { lat: 52.2297, lon: 21.0122 } }],
    ['simpleList', { keywords: ['a', 'b'] }],
    ['block incl. editor.js table with content: string[][]', { content: editorJsValue }],
    ['id and ignored internal', { id: 'everything-1', internal: { contentType: 'x', status: 'public' } }],
  ])('accepts %s', (_label, fields) => {
    expect(check(fields)).toEqual({});
  });

  it.each<[string, Record<string, unknown>, FieldErrors]>([
    ['text: number', { title: 5 }, { title: ['Integer value found, but a string is required'] }],
    ['text: empty when minLength 1', { title: '' }, { title: ['Must be at least 1 characters long'] }],
    ['textarea: array', { summary: ['x'] }, { summary: ['Array value found, but a string is required'] }],
    ['textMarkdown: object', { notes: {} }, { notes: ['Object value found, but a string is required'] }],
    ['richtext: boolean', { body: true }, { body: ['Boolean value found, but a string is required'] }],
    ['richtext: null', { body: null }, { body: ['NULL value found, but a string is required'] }],
    ['email: no @', { contactEmail: 'not-an-email' }, { contactEmail: ['Invalid email'] }],
    ['email: no domain dot', { contactEmail: 'jane@localhost' }, { contactEmail: ['Invalid email'] }],
    ['email: number', { contactEmail: 7 }, { contactEmail: ['Integer value found, but a string is required'] }],
    ['radio: not an option', { size: 'XL' }, { size: ['The value does not match possible options'] }],
    ['select: not an option', { colour: 'pink' }, { colour: ['The value does not match possible options'] }],
    ['select: options are case-sensitive', { colour: 'Green' }, { colour: ['The value does not match possible options'] }],
    [
      'select multiple: a label instead of a value',
      { flavours: ['sweet', 'Sour'] },
      { flavours: ['The value does not match possible options'] },
    ],
    [
      'select multiple: a string instead of an array',
      { flavours: 'sweet' },
      { flavours: ['String value found, but an array is required'] },
    ],
    [
      'dateTime: wrong format',
      { publishedOn: '22-12-2024' },
      {
        publishedOn: [
          'Does not match the regex pattern ^$|^([12]\\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))T?(([0-1]?[0-9]|2[0-3]):[0-5][0-9])?$',
        ],
      },
    ],
    ['custom: number', { extra: 1 }, { extra: ['Integer value found, but a string is required'] }],
    ['number: numeric string', { price: '9.99' }, { price: ['String value found, but a number is required'] }],
    ['checkbox: string', { inStock: 'true' }, { inStock: ['String value found, but a boolean is required'] }],
    ['checkbox: float', { inStock: 1.5 }, { inStock: ['Double value found, but a boolean is required'] }],
    [
      'datasource: wrong relation type',
      { categories: [category('cat-1'), { dataUrl: '/api/v1/content/tag/t-1', type: 'internal' }] },
      { categories: ['Wrong relation type, expected category'] },
    ],
    [
      'datasource: malformed dataUrl',
      { categories: [{ dataUrl: 'category/cat-1', type: 'internal' }] },
      { categories: ['Wrong relation format, expected /api/v1/content/{type}/{id}'] },
    ],
    [
      'datasource: dataUrl missing',
      { categories: [{ type: 'internal' }] },
      { 'categories[0].dataUrl': ['The property dataUrl is required'] },
    ],
    [
      'datasource: unknown reference type',
      { categories: [{ dataUrl: '/api/v1/content/category/cat-1', type: 'remote' }] },
      { 'categories[0].type': ['Does not have a value in the enumeration ["internal","external"]'] },
    ],
    [
      'datasource: extra key in a reference',
      { categories: [{ ...category('cat-1'), id: 'cat-1' }] },
      { 'categories[0].id': ['The property id is not defined and the definition does not allow additional properties'] },
    ],
    ['datasource: not an array', { categories: 'cat-1' }, { categories: ['String value found, but an array is required'] }],
    [
      'datasource: relationMultiple false with two items',
      { cover: [media('_media-1'), media('_media-2')] },
      { cover: ['There must be a maximum of 1 items in the array'] },
    ],
    [
      'object: item property of the wrong type',
      { sections: [{ heading: 'ok' }, { weight: 'heavy' }] },
      { 'sections[1].weight': ['String value found, but a number is required'] },
    ],
    [
      'object: relation inside an item of the wrong type',
      { sections: [{ image: [category('c-1')] }] },
      { 'sections[0].image': ['Wrong relation type, expected _media'] },
    ],
    ['object: not a list', { sections: { heading: 'x' } }, { sections: ['Object value found, but an array is required'] }],
    ['geo: string latitude', { location: { lat: '52', lon: 21 } }, { 'location.lat': ['String value found, but a number is required'] }],
    [
      'geo: extra key',
      { location: { lat: 1, lon: 2, alt: 3 } },
      { 'location.alt': ['The property alt is not defined and the definition does not allow additional properties'] },
    ],
    ['simpleList: non-string item', { keywords: ['a', 2] }, { 'keywords[1]': ['Integer value found, but a string is required'] }],
    [
      'block: type outside blockEditorTypes',
      { content: { blocks: [{ type: 'paragraph', data: { text: 'a' } }, { type: 'code', data: { code: 'x' } }] } },
      { content: ['One of the block types (code on index 1) does not match possible types'] },
    ],
    [
      'block: two disallowed types',
      { content: { blocks: [{ type: 'warning', data: {} }, { type: 'youtubeEmbed', data: {} }] } },
      {
        content: [
          'One of the block types (warning on index 0) does not match possible types',
          'One of the block types (youtubeEmbed on index 1) does not match possible types',
        ],
      },
    ],
    [
      'block: unknown top-level key',
      { content: { blocks: [], html: '<p/>' } },
      { 'content.html': ['The property html is not defined and the definition does not allow additional properties'] },
    ],
    [
      'block: non-string text',
      { content: { blocks: [{ type: 'paragraph', data: { text: 5 } }] } },
      { 'content.blocks[0].data.text': ['Integer value found, but a string is required'] },
    ],
  ])('rejects %s', (_label, fields, expected) => {
    expect(check(fields)).toEqual(expected);
  });
});

describe('validateObjectData: body-level rules', () => {
  it.each<[string, unknown, FieldErrors]>([
    ['a missing required property', { summary: 'x' }, { title: ['The property title is required'] }],
    [
      'an undefined property',
      { title: 'T', colour: 'red', price: 1, unknownField: 1 },
      { unknownField: ['The property unknownField is not defined and the definition does not allow additional properties'] },
    ],
    [
      'an id outside the id pattern',
      { title: 'T', id: 'a/b' },
      { id: ['Does not match the regex pattern ^[a-zA-Z0-9-_.,:=!#$%&(\\`\\’\\{\\}\\" ]*$'] },
    ],
    ['an id over 255 characters', { title: 'T', id: 'x'.repeat(256) }, { id: ['Must be at most 255 characters long'] }],
    ['a numeric id', { title: 'T', id: 12 }, { id: ['Integer value found, but a string is required'] }],
    ['an array body', [{ title: 'T' }], { body: ['The request body must be a JSON object'] }],
    ['a null body', null, { body: ['The request body must be a JSON object'] }],
    ['a string body', '{"title":"T"}', { body: ['The request body must be a JSON object'] }],
    [
      'several problems at once, each under its own key',
      { title: '', price: 'x', colour: 'pink', cover: [media('a'), category('b')] },
      {
        title: ['Must be at least 1 characters long'],
        price: ['String value found, but a number is required'],
        colour: ['The value does not match possible options'],
        cover: ['There must be a maximum of 1 items in the array', 'Wrong relation type, expected _media'],
      },
    ],
  ])('rejects %s', (_label, body, expected) => {
    expect(validateObjectData(everything, body, 'full', fullValidator)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['an id using the allowed punctuation', { title: 'T', id: "Abc-_.,:=!#$%&(`’{}\" 9" }],
    ['an id of exactly 255 characters', { title: 'T', id: 'x'.repeat(255) }],
  ])('accepts %s', (_label, body) => {
    expect(validateObjectData(everything, body, 'full', fullValidator)).toEqual({});
  });

  it('compiles the schema itself when no validator is passed', () => {
    expect(validateObjectData(everything, { price: 'x' }, 'full')).toEqual({
      title: ['The property title is required'],
      price: ['String value found, but a number is required'],
    });
  });
});

describe('validateObjectData: patch mode', () => {
  const patchValidator = createObjectValidator(everything, 'patch');
  const patch = (body: unknown) => validateObjectData(everything, body, 'patch', patchValidator);

  it.each<[string, unknown, FieldErrors]>([
    ['an empty patch', {}, {}],
    ['a patch without the required title', { price: 3 }, {}],
    ['a patch with a wrong type', { price: 'x' }, { price: ['String value found, but a number is required'] }],
    ['a patch with an empty required title', { title: '' }, { title: ['Must be at least 1 characters long'] }],
    ['a patch with a bad option', { size: 'XXL' }, { size: ['The value does not match possible options'] }],
    [
      'a patch with an undefined property',
      { nope: 1 },
      { nope: ['The property nope is not defined and the definition does not allow additional properties'] },
    ],
    [
      'a patch with a nested reference missing its dataUrl (nested required still applies)',
      { sections: [{ image: [{ type: 'internal' }] }] },
      { 'sections[0].image[0].dataUrl': ['The property dataUrl is required'] },
    ],
  ])('%s', (_label, body, expected) => {
    expect(patch(body)).toEqual(expected);
  });
});
