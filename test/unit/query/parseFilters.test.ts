import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { isAppError } from '../../../src/errors/appError';
import { buildFieldCatalog } from '../../../src/query/fieldCatalog';
import { parseFilters } from '../../../src/query/parseFilters';

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;
const catalog = buildFieldCatalog(everything);

/** The status and REST body of the AppError `fn` throws. */
function refusal(fn: () => unknown): { status: number; body: unknown } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { status: error.status, body: error.restBody() };
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const CAT1 = '/api/v1/content/category/cat-1';
const CAT2 = '/api/v1/content/category/cat-2';
const not = (condition: object) => ({ $nor: [condition] });

/** [case, field, rule, expected mongo]; the properties read are checked separately. */
type OperatorCase = [string, string, Record<string, unknown>, Record<string, unknown>];

const OPERATOR_CASES: OperatorCase[] = [
  // ---- string (text and every other string input) ----
  ['string equals', 'title', { type: 'equals', filter: 'Hello' }, { 'data.title': { $eq: 'Hello' } }],
  ['string equals any-of', 'title', { type: 'equals', filter: ['a', 'b'] }, { 'data.title': { $in: ['a', 'b'] } }],
  ['string equals number is text', 'title', { type: 'equals', filter: 42 }, { 'data.title': { $eq: '42' } }],
  ['string equals null (unset)', 'title', { type: 'equals', filter: null }, { 'data.title': { $eq: null } }],
  ['string equals keeps $ literally', 'title', { type: 'equals', filter: '$ne' }, { 'data.title': { $eq: '$ne' } }],
  ['string notEqual', 'title', { type: 'notEqual', filter: 'x' }, not({ 'data.title': { $eq: 'x' } })],
  ['string notEquals alias any-of', 'title', { type: 'notEquals', filter: ['a', 'b'] }, not({ 'data.title': { $in: ['a', 'b'] } })],
  ['string contains', 'title', { type: 'contains', filter: 'a.b' }, { 'data.title': { $regex: 'a\\.b', $options: 'i' } }],
  ['string contains number', 'title', { type: 'contains', filter: 12 }, { 'data.title': { $regex: '12', $options: 'i' } }],
  ['string notContains', 'title', { type: 'notContains', filter: 'x' }, not({ 'data.title': { $regex: 'x', $options: 'i' } })],
  ['string startsWith', 'title', { type: 'startsWith', filter: '(x' }, { 'data.title': { $regex: '^\\(x', $options: 'i' } }],
  ['string endsWith', 'title', { type: 'endsWith', filter: 'x$' }, { 'data.title': { $regex: 'x\\$$', $options: 'i' } }],
  ['string empty', 'title', { type: 'empty' }, { 'data.title': { $in: [null, ''] } }],
  ['string empty ignores filter', 'title', { type: 'empty', filter: 'ignored' }, { 'data.title': { $in: [null, ''] } }],
  ['string notEmpty', 'title', { type: 'notEmpty' }, not({ 'data.title': { $in: [null, ''] } })],
  ['ag-grid filterType is ignored', 'title', { filterType: 'text', type: 'equals', filter: 'x' }, { 'data.title': { $eq: 'x' } }],
  ['textarea equals', 'summary', { type: 'equals', filter: 's' }, { 'data.summary': { $eq: 's' } }],
  ['textMarkdown contains', 'notes', { type: 'contains', filter: '*' }, { 'data.notes': { $regex: '\\*', $options: 'i' } }],
  ['richtext contains', 'body', { type: 'contains', filter: '<b>' }, { 'data.body': { $regex: '<b>', $options: 'i' } }],
  ['email endsWith', 'contactEmail', { type: 'endsWith', filter: '@x.io' }, { 'data.contactEmail': { $regex: '@x\\.io$', $options: 'i' } }],
  ['radio equals', 'size', { type: 'equals', filter: 'M' }, { 'data.size': { $eq: 'M' } }],
  ['select equals any-of', 'colour', { type: 'equals', filter: ['red', 'blue'] }, { 'data.colour': { $in: ['red', 'blue'] } }],
  ['custom (string schema) equals', 'extra', { type: 'equals', filter: 'e' }, { 'data.extra': { $eq: 'e' } }],
  ['id equals any-of', 'id', { type: 'equals', filter: ['a-1', 'a-2'] }, { id: { $in: ['a-1', 'a-2'] } }],
  ['id startsWith', 'id', { type: 'startsWith', filter: 'everything-' }, { id: { $regex: '^everything\\-', $options: 'i' } }],
  ['internal.contentType equals', 'internal.contentType', { type: 'equals', filter: 'everything' }, { 'internal.contentType': { $eq: 'everything' } }],
  ['internal.status equals any-of', 'internal.status', { type: 'equals', filter: ['draft', 'public'] }, { 'internal.status': { $in: ['draft', 'public'] } }],
  ['internal.objectTitle contains', 'internal.objectTitle', { type: 'contains', filter: 'new' }, { 'internal.objectTitle': { $regex: 'new', $options: 'i' } }],
  ['internal.workflowState notEqual', 'internal.workflowState', { type: 'notEqual', filter: 'saved' }, not({ 'internal.workflowState': { $eq: 'saved' } })],

  // ---- number ----
  ['number equals', 'price', { type: 'equals', filter: 10 }, { 'data.price': { $eq: 10 } }],
  ['number equals numeric string', 'price', { type: 'equals', filter: '10' }, { 'data.price': { $eq: 10 } }],
  ['number equals exponent string', 'price', { type: 'equals', filter: '1.5e2' }, { 'data.price': { $eq: 150 } }],
  ['number equals negative decimal string', 'price', { type: 'equals', filter: '-3.25' }, { 'data.price': { $eq: -3.25 } }],
  ['number equals any-of mixed', 'price', { type: 'equals', filter: [1, '2'] }, { 'data.price': { $in: [1, 2] } }],
  ['number equals null', 'price', { type: 'equals', filter: null }, { 'data.price': { $eq: null } }],
  ['number notEqual', 'price', { type: 'notEqual', filter: 5 }, not({ 'data.price': { $eq: 5 } })],
  ['number lessThan', 'price', { type: 'lessThan', filter: '10' }, { 'data.price': { $lt: 10 } }],
  ['number lessThanOrEqual', 'price', { type: 'lessThanOrEqual', filter: 10 }, { 'data.price': { $lte: 10 } }],
  ['number greaterThan', 'price', { type: 'greaterThan', filter: 0 }, { 'data.price': { $gt: 0 } }],
  ['number greaterThanOrEqual', 'price', { type: 'greaterThanOrEqual', filter: '.5' }, { 'data.price': { $gte: 0.5 } }],
  ['number inRange (inclusive)', 'price', { type: 'inRange', filter: 1, filter2: '5' }, { 'data.price': { $gte: 1, $lte: 5 } }],
  ['number inRange equal bounds', 'price', { type: 'inRange', filter: 3, filter2: 3 }, { 'data.price': { $gte: 3, $lte: 3 } }],
  ['number empty', 'price', { type: 'empty' }, { 'data.price': { $eq: null } }],
  ['number notEmpty', 'price', { type: 'notEmpty' }, not({ 'data.price': { $eq: null } })],
  ['internal.latestVersion greaterThanOrEqual', 'internal.latestVersion', { type: 'greaterThanOrEqual', filter: '2' }, { 'internal.latestVersion': { $gte: 2 } }],
  ['geo lat lessThan', 'location.lat', { type: 'lessThan', filter: 52.5 }, { 'data.location.lat': { $lt: 52.5 } }],
  ['geo lon inRange', 'location.lon', { type: 'inRange', filter: -1, filter2: 1 }, { 'data.location.lon': { $gte: -1, $lte: 1 } }],
  ['number in object list greaterThan', 'sections[*].weight', { type: 'greaterThan', filter: 4 }, { 'data.sections.weight': { $gt: 4 } }],
  ['number in object list overlaps', 'sections[*].weight', { type: 'overlaps', filter: [1, '2'] }, { 'data.sections.weight': { $in: [1, 2] } }],

  // ---- boolean ----
  ['boolean equals true', 'inStock', { type: 'equals', filter: true }, { 'data.inStock': { $eq: true } }],
  ['boolean equals "false"', 'inStock', { type: 'equals', filter: 'false' }, { 'data.inStock': { $eq: false } }],
  ['boolean equals 1', 'inStock', { type: 'equals', filter: 1 }, { 'data.inStock': { $eq: true } }],
  ['boolean equals "0"', 'inStock', { type: 'equals', filter: '0' }, { 'data.inStock': { $eq: false } }],
  ['boolean equals any-of', 'inStock', { type: 'equals', filter: [true, 'false'] }, { 'data.inStock': { $in: [true, false] } }],
  ['boolean notEqual true (includes unset)', 'inStock', { type: 'notEqual', filter: true }, not({ 'data.inStock': { $eq: true } })],
  ['boolean empty', 'inStock', { type: 'empty' }, { 'data.inStock': { $eq: null } }],
  ['boolean notEmpty', 'inStock', { type: 'notEmpty' }, not({ 'data.inStock': { $eq: null } })],

  // ---- date: internal timestamps, normalised to YYYY-MM-DDTHH:mm:ss+00:00 ----
  ['internal date equals date-only', 'internal.createdAt', { type: 'equals', filter: '2024-01-01' }, { 'internal.createdAt': { $eq: '2024-01-01T00:00:00+00:00' } }],
  ['internal date greaterThan with a space (gatsby)', 'internal.updatedAt', { type: 'greaterThan', filter: '2024-01-01 10:00:00' }, { 'internal.updatedAt': { $gt: '2024-01-01T10:00:00+00:00' } }],
  ['internal date lessThan Z (keeps "" out)', 'internal.createdAt', { type: 'lessThan', filter: '2024-01-01T10:00:00Z' }, { 'internal.createdAt': { $gt: '', $lt: '2024-01-01T10:00:00+00:00' } }],
  ['internal date lessThanOrEqual with offset', 'internal.createdAt', { type: 'lessThanOrEqual', filter: '2024-01-01T12:00:00+02:00' }, { 'internal.createdAt': { $gt: '', $lte: '2024-01-01T10:00:00+00:00' } }],
  ['internal date greaterThanOrEqual Flotiq CTD style', 'internal.createdAt', { type: 'greaterThanOrEqual', filter: '2019-10-25T13:00:50.000000+0000' }, { 'internal.createdAt': { $gte: '2019-10-25T13:00:50+00:00' } }],
  ['internal date greaterThan in Flotiq format', 'internal.createdAt', { type: 'greaterThan', filter: '2021-04-09T13:30:48+00:00' }, { 'internal.createdAt': { $gt: '2021-04-09T13:30:48+00:00' } }],
  ['internal date inRange', 'internal.createdAt', { type: 'inRange', filter: '2024-01-01', filter2: '2024-01-31 23:59' }, { 'internal.createdAt': { $gte: '2024-01-01T00:00:00+00:00', $lte: '2024-01-31T23:59:00+00:00' } }],
  ['internal date equals any-of', 'internal.createdAt', { type: 'equals', filter: ['2024-01-01', '2024-01-02 03:04'] }, { 'internal.createdAt': { $in: ['2024-01-01T00:00:00+00:00', '2024-01-02T03:04:00+00:00'] } }],
  ['internal date notEqual', 'internal.createdAt', { type: 'notEqual', filter: '2024-01-01' }, not({ 'internal.createdAt': { $eq: '2024-01-01T00:00:00+00:00' } })],
  ['internal date contains searches the stored text', 'internal.createdAt', { type: 'contains', filter: '2024-01' }, { 'internal.createdAt': { $regex: '2024\\-01', $options: 'i' } }],
  ['internal date startsWith', 'internal.updatedAt', { type: 'startsWith', filter: '2024' }, { 'internal.updatedAt': { $regex: '^2024', $options: 'i' } }],
  ['internal date empty (live objects)', 'internal.deletedAt', { type: 'empty' }, { 'internal.deletedAt': { $in: [null, ''] } }],
  ['internal date notEmpty (deleted objects)', 'internal.deletedAt', { type: 'notEmpty' }, not({ 'internal.deletedAt': { $in: [null, ''] } })],

  // ---- date: dateTime input, normalised to YYYY-MM-DD / YYYY-MM-DDTHH:mm ----
  ['dateTime equals with a space', 'publishedOn', { type: 'equals', filter: '2024-12-22 12:00' }, { 'data.publishedOn': { $eq: '2024-12-22T12:00' } }],
  ['dateTime equals drops zero seconds and Z', 'publishedOn', { type: 'equals', filter: '2024-12-22T12:00:00Z' }, { 'data.publishedOn': { $eq: '2024-12-22T12:00' } }],
  ['dateTime greaterThan keeps non-zero seconds', 'publishedOn', { type: 'greaterThan', filter: '2024-12-22 12:00:30' }, { 'data.publishedOn': { $gt: '2024-12-22T12:00:30' } }],
  ['dateTime lessThan date-only', 'publishedOn', { type: 'lessThan', filter: '2024-12-22' }, { 'data.publishedOn': { $gt: '', $lt: '2024-12-22' } }],
  ['dateTime greaterThanOrEqual with offset', 'publishedOn', { type: 'greaterThanOrEqual', filter: '2024-12-22T01:30+02:00' }, { 'data.publishedOn': { $gte: '2024-12-21T23:30' } }],
  ['dateTime inRange', 'publishedOn', { type: 'inRange', filter: '2024-01-01', filter2: '2024-12-31T23:59' }, { 'data.publishedOn': { $gte: '2024-01-01', $lte: '2024-12-31T23:59' } }],
  ['dateTime empty', 'publishedOn', { type: 'empty' }, { 'data.publishedOn': { $in: [null, ''] } }],

  // ---- relation: [*].dataUrl ----
  ['relation equals', 'categories[*].dataUrl', { type: 'equals', filter: CAT1 }, { 'data.categories.dataUrl': { $eq: CAT1 } }],
  ['relation equals any-of', 'categories[*].dataUrl', { type: 'equals', filter: [CAT1, CAT2] }, { 'data.categories.dataUrl': { $in: [CAT1, CAT2] } }],
  ['relation notEqual', 'categories[*].dataUrl', { type: 'notEqual', filter: CAT1 }, not({ 'data.categories.dataUrl': { $eq: CAT1 } })],
  ['relation contains (substring)', 'categories[*].dataUrl', { type: 'contains', filter: 'cat-1' }, { 'data.categories.dataUrl': { $regex: 'cat\\-1', $options: 'i' } }],
  ['relation notContains', 'categories[*].dataUrl', { type: 'notContains', filter: 'cat' }, not({ 'data.categories.dataUrl': { $regex: 'cat', $options: 'i' } })],
  ['relation startsWith', 'categories[*].dataUrl', { type: 'startsWith', filter: '/api/v1/content/category/' }, { 'data.categories.dataUrl': { $regex: '^\\/api\\/v1\\/content\\/category\\/', $options: 'i' } }],
  ['relation endsWith', 'cover[*].dataUrl', { type: 'endsWith', filter: '.png' }, { 'data.cover.dataUrl': { $regex: '\\.png$', $options: 'i' } }],
  ['relation includes one', 'categories[*].dataUrl', { type: 'includes', filter: CAT1 }, { 'data.categories.dataUrl': { $eq: CAT1 } }],
  ['relation includes a one-item list', 'categories[*].dataUrl', { type: 'includes', filter: [CAT1] }, { 'data.categories.dataUrl': { $eq: CAT1 } }],
  ['relation includes all of a list', 'categories[*].dataUrl', { type: 'includes', filter: [CAT1, CAT2] }, { $and: [{ 'data.categories.dataUrl': { $eq: CAT1 } }, { 'data.categories.dataUrl': { $eq: CAT2 } }] }],
  ['relation overlaps', 'categories[*].dataUrl', { type: 'overlaps', filter: [CAT1, CAT2] }, { 'data.categories.dataUrl': { $in: [CAT1, CAT2] } }],
  ['relation overlaps single value', 'categories[*].dataUrl', { type: 'overlaps', filter: CAT1 }, { 'data.categories.dataUrl': { $in: [CAT1] } }],
  ['relation dataUrl empty = no related objects', 'categories[*].dataUrl', { type: 'empty' }, { 'data.categories.0': { $exists: false } }],
  ['relation dataUrl notEmpty', 'categories[*].dataUrl', { type: 'notEmpty' }, not({ 'data.categories.0': { $exists: false } })],
  ['relation list empty', 'categories', { type: 'empty' }, { 'data.categories.0': { $exists: false } }],
  ['relation list notEmpty', 'cover', { type: 'notEmpty' }, not({ 'data.cover.0': { $exists: false } })],
  ['relation in object list includes', 'sections[*].image[*].dataUrl', { type: 'includes', filter: '/api/v1/content/_media/m-1' }, { 'data.sections.image.dataUrl': { $eq: '/api/v1/content/_media/m-1' } }],
  ['relation in object list empty', 'sections[*].image[*].dataUrl', { type: 'empty' }, { 'data.sections.image.0': { $exists: false } }],

  // ---- stringArray: simpleList and select multiple ----
  ['list equals (any element)', 'keywords', { type: 'equals', filter: 'x' }, { 'data.keywords': { $eq: 'x' } }],
  ['list equals any-of', 'flavours', { type: 'equals', filter: ['sweet', 'sour'] }, { 'data.flavours': { $in: ['sweet', 'sour'] } }],
  ['list notEqual (no element)', 'keywords', { type: 'notEqual', filter: 'x' }, not({ 'data.keywords': { $eq: 'x' } })],
  ['list contains', 'keywords', { type: 'contains', filter: 'x' }, { 'data.keywords': { $regex: 'x', $options: 'i' } }],
  ['list notContains', 'keywords', { type: 'notContains', filter: 'x' }, not({ 'data.keywords': { $regex: 'x', $options: 'i' } })],
  ['list startsWith', 'flavours', { type: 'startsWith', filter: 'sw' }, { 'data.flavours': { $regex: '^sw', $options: 'i' } }],
  ['list endsWith', 'flavours', { type: 'endsWith', filter: 'ty' }, { 'data.flavours': { $regex: 'ty$', $options: 'i' } }],
  ['list includes all', 'keywords', { type: 'includes', filter: ['x', 'y'] }, { $and: [{ 'data.keywords': { $eq: 'x' } }, { 'data.keywords': { $eq: 'y' } }] }],
  ['list overlaps', 'flavours', { type: 'overlaps', filter: ['sweet', 'salty'] }, { 'data.flavours': { $in: ['sweet', 'salty'] } }],
  ['list empty', 'keywords', { type: 'empty' }, { 'data.keywords.0': { $exists: false } }],
  ['list notEmpty', 'flavours', { type: 'notEmpty' }, not({ 'data.flavours.0': { $exists: false } })],

  // ---- object list, geo, block: whole values ----
  ['object list empty', 'sections', { type: 'empty' }, { 'data.sections.0': { $exists: false } }],
  ['object list notEmpty', 'sections', { type: 'notEmpty' }, not({ 'data.sections.0': { $exists: false } })],
  ['object list field equals', 'sections[*].heading', { type: 'equals', filter: 'Intro' }, { 'data.sections.heading': { $eq: 'Intro' } }],
  ['object list field contains', 'sections[*].heading', { type: 'contains', filter: 'in' }, { 'data.sections.heading': { $regex: 'in', $options: 'i' } }],
  ['object list field includes', 'sections[*].heading', { type: 'includes', filter: ['A', 'B'] }, { $and: [{ 'data.sections.heading': { $eq: 'A' } }, { 'data.sections.heading': { $eq: 'B' } }] }],
  ['object list field empty', 'sections[*].heading', { type: 'empty' }, { 'data.sections.heading': { $in: [null, ''] } }],
  ['geo empty', 'location', { type: 'empty' }, { 'data.location': { $eq: null } }],
  ['geo notEmpty', 'location', { type: 'notEmpty' }, not({ 'data.location': { $eq: null } })],
  ['block empty (no blocks)', 'content', { type: 'empty' }, { 'data.content.blocks.0': { $exists: false } }],
  ['block notEmpty', 'content', { type: 'notEmpty' }, not({ 'data.content.blocks.0': { $exists: false } })],
];

/** Every `$` key any translation may contain: nothing else may ever reach the database. */
const ALLOWED_OPERATORS = new Set(['$eq', '$in', '$regex', '$options', '$gt', '$gte', '$lt', '$lte', '$exists', '$and', '$nor']);

function dollarKeys(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => dollarKeys(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$')) found.add(key);
      dollarKeys(inner, found);
    }
  }
  return found;
}

describe('parseFilters: every operator on every kind it applies to', () => {
  it.each(OPERATOR_CASES)('%s', (_name, field, rule, expected) => {
    const result = parseFilters(JSON.stringify({ [field]: rule }), catalog);
    expect(result.mongo).toEqual(expected);
  });

  it.each(OPERATOR_CASES)('%s: same result from an already-parsed (GraphQL) object', (_name, field, rule, expected) => {
    const input = Object.assign(Object.create(null) as object, { [field]: Object.assign(Object.create(null) as object, rule) });
    expect(parseFilters(input, catalog).mongo).toEqual(expected);
  });

  it.each(OPERATOR_CASES)('%s: emits only allowlisted operators', (_name, field, rule) => {
    const keys = [...dollarKeys(parseFilters({ [field]: rule }, catalog).mongo)];
    expect(keys.filter((key) => !ALLOWED_OPERATORS.has(key))).toEqual([]);
  });

  it('a term of exactly 256 characters is accepted', () => {
    const term = 'a'.repeat(256);
    expect(parseFilters({ title: { type: 'contains', filter: term } }, catalog).mongo).toEqual({
      'data.title': { $regex: term, $options: 'i' },
    });
  });

  it('a list of exactly 100 values is accepted', () => {
    const values = Array.from({ length: 100 }, (_, i) => `v${i}`);
    expect(parseFilters({ title: { type: 'equals', filter: values } }, catalog).mongo).toEqual({ 'data.title': { $in: values } });
  });
});

describe('parseFilters: combining and reporting properties', () => {
  it.each<[string, unknown, Record<string, unknown>, string[]]>([
    ['undefined means no filters', undefined, {}, []],
    ['null means no filters', null, {}, []],
    ['"" means no filters', '', {}, []],
    ['blank string means no filters', '   ', {}, []],
    ['"{}" means no filters', '{}', {}, []],
    ['"[]" (PHP empty array) means no filters', '[]', {}, []],
    ['an empty parsed object means no filters', {}, {}, []],
    [
      'conditions are ANDed in order',
      '{"title":{"type":"contains","filter":"a"},"price":{"type":"greaterThan","filter":"5"}}',
      { $and: [{ 'data.title': { $regex: 'a', $options: 'i' } }, { 'data.price': { $gt: 5 } }] },
      ['title', 'price'],
    ],
    [
      'id and internal.* read no property',
      { id: { type: 'equals', filter: 'x' }, 'internal.createdAt': { type: 'empty' } },
      { $and: [{ id: { $eq: 'x' } }, { 'internal.createdAt': { $in: [null, ''] } }] },
      [],
    ],
    [
      'internal.objectTitle reveals the property the title derives from',
      { 'internal.objectTitle': { type: 'equals', filter: 'x' } },
      { 'internal.objectTitle': { $eq: 'x' } },
      ['title'],
    ],
    [
      'nested paths report their top-level property once',
      {
        'sections[*].heading': { type: 'equals', filter: 'h' },
        'sections[*].image[*].dataUrl': { type: 'empty' },
        'location.lat': { type: 'greaterThan', filter: 1 },
        'categories[*].dataUrl': { type: 'includes', filter: CAT1 },
      },
      {
        $and: [
          { 'data.sections.heading': { $eq: 'h' } },
          { 'data.sections.image.0': { $exists: false } },
          { 'data.location.lat': { $gt: 1 } },
          { 'data.categories.dataUrl': { $eq: CAT1 } },
        ],
      },
      ['sections', 'location', 'categories'],
    ],
    [
      'the Flotiq docs relation example',
      '{"categories[*].dataUrl":{"type":"includes","filter":"/api/v1/content/category/cat-1"}}',
      { 'data.categories.dataUrl': { $eq: CAT1 } },
      ['categories'],
    ],
  ])('%s', (_name, raw, mongo, properties) => {
    const result = parseFilters(raw, catalog);
    expect({ mongo: result.mongo, properties: result.reads.flatMap((read) => read.properties) }).toEqual({ mongo, properties });
  });
});

describe('parseFilters: refusals (400 on filters)', () => {
  const long = (n: number) => 'a'.repeat(n);
  const tooManyValues = Array.from({ length: 101 }, (_, i) => i);

  it.each<[string, unknown, string]>([
    // malformed input
    ['truncated JSON', '{"title":', 'Malformed filters json - Syntax error'],
    ['single quotes', "{'title':{}}", 'Malformed filters json - Syntax error'],
    ['not JSON at all', 'title=x', 'Malformed filters json - Syntax error'],
    ['trailing comma', '{"title":{"type":"equals","filter":"x"},}', 'Malformed filters json - Syntax error'],
    ['a JSON string', '"title"', 'Filters must be a JSON object'],
    ['a JSON number', '5', 'Filters must be a JSON object'],
    ['JSON null', 'null', 'Filters must be a JSON object'],
    ['a non-empty JSON array', '[{"title":{}}]', 'Filters must be a JSON object'],
    ['a number value', 5, 'Filters must be a JSON object'],
    ['a class instance', new Map([['title', {}]]), 'Filters must be a JSON object'],

    // unknown fields
    ['unknown field', { nope: { type: 'equals', filter: 1 } }, 'Unknown field: nope'],
    ['storage path is not a client path', { 'data.title': { type: 'equals', filter: 1 } }, 'Unknown field: data.title'],
    ['relation without [*]', { 'categories.dataUrl': { type: 'equals', filter: 1 } }, 'Unknown field: categories.dataUrl'],
    ['mobile demo "*" field', { '*': { type: 'contains', filter: 'x' } }, 'Unknown field: *'],
    ['__proto__ field', '{"__proto__":{"type":"equals","filter":"x"}}', 'Unknown field: __proto__'],
    ['constructor field', { constructor: { type: 'equals', filter: 'x' } }, 'Unknown field: constructor'],
    ['long unknown field is shortened', { [long(100)]: { type: 'empty' } }, `Unknown field: ${long(64)}…`],

    // rule shape and operator
    ['rule is a bare value', { title: 'x' }, 'Filter for title must be an object like {"type": "equals", "filter": "value"}'],
    ['rule is a list', { title: ['equals', 'x'] }, 'Filter for title must be an object like {"type": "equals", "filter": "value"}'],
    ['rule is null', { title: null }, 'Filter for title must be an object like {"type": "equals", "filter": "value"}'],
    ['missing type', { title: { filter: 'x' } }, 'Missing filter type for title'],
    ['type is not a string', { title: { type: 1, filter: 'x' } }, 'Filter type for title must be a string'],
    ['unknown operator', { title: { type: 'regex', filter: 'x' } }, 'Unknown filter type for title: regex'],
    ['unknown operator spelled like mongo', { title: { type: '$where', filter: 'x' } }, 'Unknown filter type for title: $where'],
    ['operator names are case-sensitive', { title: { type: 'Equals', filter: 'x' } }, 'Unknown filter type for title: Equals'],
    ['unknown rule key', { title: { type: 'equals', filter: 'x', extra: 1 } }, 'Unknown key in filter for title: extra'],
    ['__proto__ rule key', '{"title":{"__proto__":{"x":1},"type":"equals","filter":"x"}}', 'Unknown key in filter for title: __proto__'],
    ['filterType not a string', { title: { filterType: {}, type: 'equals', filter: 'x' } }, 'filterType for title must be a string'],
    ['missing filter', { title: { type: 'equals' } }, 'Filter type equals on title needs a filter value'],
    ['missing filter for includes', { keywords: { type: 'includes' } }, 'Filter type includes on keywords needs a filter value'],
    ['list for a single-value operator', { title: { type: 'contains', filter: ['a', 'b'] } }, 'Filter type contains on title takes a single value, not a list'],
    ['list for a comparison', { price: { type: 'lessThan', filter: [1, 2] } }, 'Filter type lessThan on price takes a single value, not a list'],
    ['empty any-of list', { title: { type: 'equals', filter: [] } }, 'Filter value for title must not be an empty list'],
    ['empty includes list', { keywords: { type: 'includes', filter: [] } }, 'Filter value for keywords must not be an empty list'],
    ['too many values', { title: { type: 'equals', filter: tooManyValues } }, 'Too many values in filter for title (max 100)'],
    ['inRange without filter2', { price: { type: 'inRange', filter: 1 } }, 'Filter type inRange on price needs both filter and filter2'],
    ['inRange without filter', { price: { type: 'inRange', filter2: 1 } }, 'Filter type inRange on price needs both filter and filter2'],
    ['inRange reversed', { price: { type: 'inRange', filter: 5, filter2: 1 } }, 'Filter type inRange on price needs filter to be less than or equal to filter2'],
    ['inRange reversed dates', { 'internal.createdAt': { type: 'inRange', filter: '2024-02-01', filter2: '2024-01-01' } }, 'Filter type inRange on internal.createdAt needs filter to be less than or equal to filter2'],

    // operator does not apply to the kind
    ['contains on number', { price: { type: 'contains', filter: '1' } }, 'Filter type contains is not supported for price (number)'],
    ['startsWith on boolean', { inStock: { type: 'startsWith', filter: 't' } }, 'Filter type startsWith is not supported for inStock (boolean)'],
    ['lessThan on string', { title: { type: 'lessThan', filter: 'm' } }, 'Filter type lessThan is not supported for title (string)'],
    ['greaterThan on boolean', { inStock: { type: 'greaterThan', filter: false } }, 'Filter type greaterThan is not supported for inStock (boolean)'],
    ['inRange on a string list', { keywords: { type: 'inRange', filter: 'a', filter2: 'b' } }, 'Filter type inRange is not supported for keywords (stringArray)'],
    ['includes on a single-valued string', { title: { type: 'includes', filter: 'x' } }, 'Filter type includes is not supported for title (string)'],
    ['overlaps on a single-valued number', { price: { type: 'overlaps', filter: [1] } }, 'Filter type overlaps is not supported for price (number)'],
    ['equals on a whole relation list', { categories: { type: 'equals', filter: CAT1 } }, 'Filter type equals is not supported for categories (relation)'],
    ['contains on an object list', { sections: { type: 'contains', filter: 'x' } }, 'Filter type contains is not supported for sections (objectList)'],
    ['equals on geo', { location: { type: 'equals', filter: 1 } }, 'Filter type equals is not supported for location (geo)'],
    ['contains on block', { content: { type: 'contains', filter: 'x' } }, 'Filter type contains is not supported for content (block)'],

    // values that are not of the field's type
    ['non-numeric number', { price: { type: 'equals', filter: 'abc' } }, 'Filter value for price must be a number'],
    ['empty string as number', { price: { type: 'equals', filter: '' } }, 'Filter value for price must be a number'],
    ['hex as number', { price: { type: 'greaterThan', filter: '0x10' } }, 'Filter value for price must be a number'],
    ['padded number', { price: { type: 'greaterThan', filter: ' 5' } }, 'Filter value for price must be a number'],
    ['Infinity as number', { price: { type: 'greaterThan', filter: 'Infinity' } }, 'Filter value for price must be a number'],
    ['boolean as number', { price: { type: 'equals', filter: true } }, 'Filter value for price must be a number'],
    ['non-numeric in any-of list', { price: { type: 'equals', filter: [1, 'x'] } }, 'Filter value for price must be a number'],
    ['non-numeric filter2', { price: { type: 'inRange', filter: 1, filter2: 'x' } }, 'Filter value for price must be a number'],
    ['null in a comparison', { price: { type: 'greaterThan', filter: null } }, 'Filter value for price must not be null'],
    ['null in overlaps', { keywords: { type: 'overlaps', filter: [null] } }, 'Filter value for keywords must not be null'],
    ['yes as boolean', { inStock: { type: 'equals', filter: 'yes' } }, 'Filter value for inStock must be true or false'],
    ['2 as boolean', { inStock: { type: 'equals', filter: 2 } }, 'Filter value for inStock must be true or false'],
    ['words as a date', { 'internal.createdAt': { type: 'greaterThan', filter: 'yesterday' } }, 'Filter value for internal.createdAt must be a date like 2024-01-01 or 2024-01-01 10:00:00'],
    ['impossible date', { 'internal.createdAt': { type: 'equals', filter: '2024-02-30' } }, 'Filter value for internal.createdAt must be a date like 2024-01-01 or 2024-01-01 10:00:00'],
    ['hour 25', { 'internal.updatedAt': { type: 'lessThan', filter: '2024-01-01 25:00' } }, 'Filter value for internal.updatedAt must be a date like 2024-01-01 or 2024-01-01 10:00:00'],
    ['timestamp number as date', { 'internal.createdAt': { type: 'greaterThan', filter: 1704067200 } }, 'Filter value for internal.createdAt must be a date like 2024-01-01 or 2024-01-01 10:00:00'],
    ['bad dateTime value', { publishedOn: { type: 'equals', filter: '22/12/2024' } }, 'Filter value for publishedOn must be a date like 2024-01-01 or 2024-01-01 10:00:00'],
    ['boolean as search term', { title: { type: 'contains', filter: true } }, 'Filter value for title must be a string'],
    ['null as search term', { title: { type: 'startsWith', filter: null } }, 'Filter value for title must be a string'],

    // size caps (ReDoS / abuse)
    ['search term over 256 characters', { title: { type: 'contains', filter: long(257) } }, 'Filter value for title is too long (max 256 characters)'],
    ['NUL in a search term', { title: { type: 'contains', filter: 'a\u0000b' } }, 'Filter value for title must not contain NUL characters'],
    ['equality value over 1024 characters', { title: { type: 'equals', filter: long(1025) } }, 'Filter value for title is too long (max 1024 characters)'],
  ])('%s', (_name, raw, message) => {
    expect(refusal(() => parseFilters(raw, catalog))).toEqual({ status: 400, body: { filters: [message] } });
  });
});

describe('parseFilters: NoSQL injection attempts are refused (THREATS G-38..G-41)', () => {
  it.each<[string, unknown, string]>([
    ['$ne as the rule', '{"title":{"$ne":null}}', 'Operators are not allowed in filters: $ne'],
    ['$gt as the rule', '{"title":{"$gt":""}}', 'Operators are not allowed in filters: $gt'],
    ['$regex as the rule', '{"title":{"$regex":"(a+)+$"}}', 'Operators are not allowed in filters: $regex'],
    ['$ne as the filter value', '{"title":{"type":"equals","filter":{"$ne":1}}}', 'Operators are not allowed in filters: $ne'],
    ['$in as the filter value', '{"title":{"type":"equals","filter":{"$in":["a"]}}}', 'Operators are not allowed in filters: $in'],
    ['$gt as the filter value', '{"price":{"type":"greaterThan","filter":{"$gt":""}}}', 'Operators are not allowed in filters: $gt'],
    ['$where as the filter value', '{"title":{"type":"equals","filter":{"$where":"sleep(1000)"}}}', 'Operators are not allowed in filters: $where'],
    ['$regex as the filter value', '{"title":{"type":"equals","filter":{"$regex":"(a+)+$"}}}', 'Operators are not allowed in filters: $regex'],
    ['$expr as the filter value', '{"price":{"type":"equals","filter":{"$expr":{"$gt":["$price",0]}}}}', 'Operators are not allowed in filters: $expr'],
    ['$function as the filter value', '{"title":{"type":"contains","filter":{"$function":{"body":"return true","args":[],"lang":"js"}}}}', 'Operators are not allowed in filters: $function'],
    ['$where as filter2', '{"price":{"type":"inRange","filter":1,"filter2":{"$where":"1"}}}', 'Operators are not allowed in filters: $where'],
    ['$where as a top-level key', '{"$where":"this.price > 0"}', 'Operators are not allowed in filters: $where'],
    ['$or as a top-level key', '{"$or":[{"title":{"type":"equals","filter":"x"}}]}', 'Operators are not allowed in filters: $or'],
    ['$expr as a top-level key', '{"$expr":{"$eq":[1,1]}}', 'Operators are not allowed in filters: $expr'],
    ['$where as a GraphQL top-level key', { $where: 'sleep(1)' }, 'Operators are not allowed in filters: $where'],
    ['$ne in a GraphQL rule', { title: { type: 'equals', $ne: 1 } }, 'Operators are not allowed in filters: $ne'],
    ['operator object inside a list', '{"title":{"type":"equals","filter":["a",{"$ne":1}]}}', 'Invalid filter value for title: only strings, numbers, booleans, null or lists of them are allowed'],
    ['plain object as filter value', '{"title":{"type":"equals","filter":{"a":1}}}', 'Invalid filter value for title: only strings, numbers, booleans, null or lists of them are allowed'],
    ['nested list as filter value', '{"title":{"type":"equals","filter":[["a"]]}}', 'Invalid filter value for title: only strings, numbers, booleans, null or lists of them are allowed'],
    ['object value on an empty filter is still refused', '{"title":{"type":"empty","filter":{"$where":"1"}}}', 'Operators are not allowed in filters: $where'],
    ['RegExp instance from a GraphQL resolver', { title: { type: 'equals', filter: /(a+)+$/ } }, 'Invalid filter value for title: only strings, numbers, booleans, null or lists of them are allowed'],
    ['Date instance', { 'internal.createdAt': { type: 'equals', filter: new Date(0) } }, 'Invalid filter value for internal.createdAt: only strings, numbers, booleans, null or lists of them are allowed'],
    ['NaN', { price: { type: 'equals', filter: Number.NaN } }, 'Invalid filter value for price: only strings, numbers, booleans, null or lists of them are allowed'],
    ['ReDoS pattern as a term is refused when too long', { title: { type: 'contains', filter: `${'(a+)+'.repeat(60)}$` } }, 'Filter value for title is too long (max 256 characters)'],
  ])('%s', (_name, raw, message) => {
    expect(refusal(() => parseFilters(raw, catalog))).toEqual({ status: 400, body: { filters: [message] } });
  });

  it.each<[string, string, string]>([
    ['ReDoS pattern', '(a+)+$', '\\(a\\+\\)\\+\\$'],
    ['dot-star', '.*', '\\.\\*'],
    ['every metacharacter', '\\^$.*+?()[]{}|/-', '\\\\\\^\\$\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\-'],
    ['mongo operator text', '{"$ne":1}', '\\{"\\$ne":1\\}'],
  ])('a %s search term becomes a literal', (_name, term, pattern) => {
    expect(parseFilters({ title: { type: 'contains', filter: term } }, catalog).mongo).toEqual({
      'data.title': { $regex: pattern, $options: 'i' },
    });
    expect(new RegExp(pattern, 'i').test(`x${term}x`)).toBe(true);
    expect(new RegExp(pattern, 'i').test('aaaa')).toBe(false);
  });
});
