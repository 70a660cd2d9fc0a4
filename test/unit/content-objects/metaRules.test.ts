import type { ContentTypeDefinitionInput, PropertyConfig } from '../../../src/content-types/contentTypeDefinition';
import { checkMetaRules, collectReferences, isEmailAddress } from '../../../src/content-objects/validation/metaRules';
import type { FieldErrors } from '../../../src/errors/appError';

/** Meta-definition rules in isolation (no JSON Schema involved). */

function metaOf(propertiesConfig: Record<string, Partial<PropertyConfig>>): Pick<ContentTypeDefinitionInput, 'metaDefinition'> {
  const configs = Object.fromEntries(
    Object.entries(propertiesConfig).map(([name, config]) => [name, { label: name, unique: false, ...config }]),
  ) as Record<string, PropertyConfig>;
  return { metaDefinition: { propertiesConfig: configs, order: Object.keys(configs) } };
}

const ref = (type: string, id: string) => ({ dataUrl: `/api/v1/content/${type}/${id}`, type: 'internal' });

const ctd = metaOf({
  anyRelation: { inputType: 'datasource', validation: { relationContenttype: '', relationMultiple: true } },
  noValidation: { inputType: 'datasource' },
  anyTypeOnlyOne: { inputType: 'datasource', validation: { relationContenttype: '' } },
  oneTag: { inputType: 'datasource', validation: { relationContenttype: '_tag', relationMultiple: false } },
  plainOptions: { inputType: 'select', options: ['a', 'b'] },
  labelledOnly: { inputType: 'select', optionsWithLabels: [{ value: 'x', label: 'X' }] },
  preferLabelled: {
    inputType: 'select',
    useOptionsWithLabels: true,
    options: ['plain'],
    optionsWithLabels: [{ value: 'labelled', label: 'Labelled' }],
  },
  noOptions: { inputType: 'radio' },
  blocksAny: { inputType: 'block' },
  blocksParagraphOnly: { inputType: 'block', blockEditorTypes: [] },
  blocksTable: { inputType: 'block', blockEditorTypes: ['table'] },
  rows: {
    inputType: 'object',
    items: {
      order: ['kind', 'mail', 'media', 'sub'],
      propertiesConfig: {
        kind: { label: 'Kind', inputType: 'radio', unique: false, options: ['k1'] },
        mail: { label: 'Mail', inputType: 'email', unique: false },
        media: { label: 'Media', inputType: 'datasource', unique: false, validation: { relationContenttype: '_media' } },
        sub: {
          label: 'Sub',
          inputType: 'object',
          unique: false,
          items: {
            order: ['deep'],
            propertiesConfig: {
              deep: { label: 'Deep', inputType: 'datasource', unique: false, validation: { relationContenttype: 'product' } },
            },
          },
        },
      },
    },
  },
  trim: {
    inputType: 'custom',
    order: ['mode'],
    propertiesConfig: { mode: { label: 'Mode', inputType: 'select', unique: false, options: ['fit', 'fill'] } },
  },
});

describe('checkMetaRules', () => {
  it.each<[string, Record<string, unknown>, FieldErrors]>([
    ['any relation type when relationContenttype is ""', { anyRelation: [ref('a', '1'), ref('_media', '2')] }, {}],
    ['any relation type when validation is absent', { noValidation: [ref('a', '1')] }, {}],
    // Without relationMultiple: true a relation holds at most one reference, as in Flotiq (issue #12).
    ['two references when validation is absent', { noValidation: [ref('a', '1'), ref('b', '2')] }, { noValidation: ['There must be a maximum of 1 items in the array'] }],
    ['two references when relationMultiple is absent', { anyTypeOnlyOne: [ref('a', '1'), ref('a', '2')] }, { anyTypeOnlyOne: ['There must be a maximum of 1 items in the array'] }],
    ['no reference at all when relationMultiple is absent', { anyTypeOnlyOne: [] }, {}],
    ['a single reference of the right type', { oneTag: [ref('_tag', 't')] }, {}],
    [
      'too many references when relationMultiple is false',
      { oneTag: [ref('_tag', 't1'), ref('_tag', 't2')] },
      { oneTag: ['There must be a maximum of 1 items in the array'] },
    ],
    ['a reference of the wrong type', { oneTag: [ref('_media', 'm')] }, { oneTag: ['Wrong relation type, expected _tag'] }],
    [
      'dataUrls that are not /api/v1/content/{type}/{id}',
      {
        anyRelation: [
          { dataUrl: 'https://example.com/x' },
          { dataUrl: '/api/v1/content/category' },
          { dataUrl: '/api/v1/content/category/a/b' },
          { dataUrl: '' },
        ],
      },
      { anyRelation: ['Wrong relation format, expected /api/v1/content/{type}/{id}'] },
    ],
    ['a plain option', { plainOptions: 'b' }, {}],
    ['a value outside the plain options', { plainOptions: 'c' }, { plainOptions: ['The value does not match possible options'] }],
    ['an empty string when "" is not an option', { plainOptions: '' }, { plainOptions: ['The value does not match possible options'] }],
    ['optionsWithLabels values when only they exist', { labelledOnly: 'x' }, {}],
    ['a label instead of the value', { labelledOnly: 'X' }, { labelledOnly: ['The value does not match possible options'] }],
    ['the labelled value when useOptionsWithLabels is set', { preferLabelled: 'labelled' }, {}],
    [
      'the plain option when useOptionsWithLabels is set',
      { preferLabelled: 'plain' },
      { preferLabelled: ['The value does not match possible options'] },
    ],
    ['anything when no options are defined', { noOptions: 'whatever' }, {}],
    ['every block type when blockEditorTypes is absent', { blocksAny: { blocks: [{ type: 'code' }, { type: 'raw' }] } }, {}],
    ['paragraph when blockEditorTypes is empty', { blocksParagraphOnly: { blocks: [{ type: 'paragraph' }] } }, {}],
    [
      'a header when blockEditorTypes is empty',
      { blocksParagraphOnly: { blocks: [{ type: 'paragraph' }, { type: 'header' }] } },
      { blocksParagraphOnly: ['One of the block types (header on index 1) does not match possible types'] },
    ],
    [
      'an editor.js table with content: string[][] when table is allowed',
      { blocksTable: { blocks: [{ type: 'table', data: { withHeadings: false, content: [['1', '2'], ['3', '4']] } }] } },
      {},
    ],
    [
      'a youtubeEmbed when only table is allowed',
      { blocksTable: { blocks: [{ type: 'youtubeEmbed', data: { url: 'https://youtu.be/x' } }] } },
      { blocksTable: ['One of the block types (youtubeEmbed on index 0) does not match possible types'] },
    ],
    [
      'rule breaks inside object-list items, keyed by item path',
      {
        rows: [
          { kind: 'k1', mail: 'a@b.io', media: [ref('_media', 'm')] },
          { kind: 'k2', mail: 'nope', media: [ref('_tag', 't')], sub: [{}, { deep: [ref('_media', 'm')] }] },
        ],
      },
      {
        'rows[1].kind': ['The value does not match possible options'],
        'rows[1].mail': ['Invalid email'],
        'rows[1].media': ['Wrong relation type, expected _media'],
        'rows[1].sub[1].deep': ['Wrong relation type, expected product'],
      },
    ],
    ['an option inside a custom object with its own propertiesConfig', { trim: { mode: 'stretch' } }, { 'trim.mode': ['The value does not match possible options'] }],
    [
      'values of the wrong JSON type (left to the schema)',
      { oneTag: 'x', plainOptions: 3, blocksTable: [], rows: {}, trim: 'x', anyRelation: [{ dataUrl: 5 }, 'x'] },
      {},
    ],
  ])('%s', (_label, data, expected) => {
    expect(checkMetaRules(ctd, data)).toEqual(expected);
  });
});

describe('collectReferences', () => {
  it('returns every well-formed reference with its field path, nested lists included', () => {
    const data = {
      anyRelation: [ref('category', 'c-1'), { dataUrl: 'broken' }, ref('category', 'c 2')],
      oneTag: [ref('_tag', 't-1')],
      rows: [{ media: [ref('_media', 'm-1')] }, 'not an object', { sub: [{ deep: [ref('product', 'p-1')] }] }],
      plainOptions: 'a',
    };
    expect(collectReferences(ctd, data)).toEqual([
      { field: 'anyRelation', type: 'category', id: 'c-1' },
      { field: 'anyRelation', type: 'category', id: 'c 2' },
      { field: 'oneTag', type: '_tag', id: 't-1' },
      { field: 'rows[0].media', type: '_media', id: 'm-1' },
      { field: 'rows[2].sub[0].deep', type: 'product', id: 'p-1' },
    ]);
  });

  it.each<[string, unknown]>([
    ['a non-object body', []],
    ['a body without relations', { plainOptions: 'a' }],
    ['a relation field that is not an array', { anyRelation: ref('a', 'b') }],
  ])('returns nothing for %s', (_label, data) => {
    expect(collectReferences(ctd, data)).toEqual([]);
  });
});

describe('isEmailAddress', () => {
  it.each(['a@b.co', 'first.last+tag@sub.example.com', "o'hara@example.ie", 'x_y@ex-ample.org'])('accepts %s', (value) => {
    expect(isEmailAddress(value)).toBe(true);
  });
  it.each(['', 'plain', '@example.com', 'a@', 'a@b', 'a b@example.com', 'a..b@example.com', '.a@example.com', 'a@-x.com', 'a@x..com', 'a@1.2.3.4', `${'x'.repeat(65)}@example.com`])(
    'rejects %j',
    (value) => {
      expect(isEmailAddress(value)).toBe(false);
    },
  );
});
