import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { buildFieldCatalog, fieldRead, lookupField, type CatalogField } from '../../../src/query/fieldCatalog';

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;

type Row = [string, CatalogField['kind'], string, string | null, boolean, boolean, CatalogField['dateFormat'] | null];

// [path, kind, storagePath, property, leaf, many, dateFormat]
const EXPECTED: Row[] = [
  ['id', 'string', 'id', null, true, false, null],
  ['internal.createdAt', 'date', 'internal.createdAt', null, true, false, 'flotiq'],
  ['internal.updatedAt', 'date', 'internal.updatedAt', null, true, false, 'flotiq'],
  ['internal.deletedAt', 'date', 'internal.deletedAt', null, true, false, 'flotiq'],
  ['internal.contentType', 'string', 'internal.contentType', null, true, false, null],
  ['internal.objectTitle', 'string', 'internal.objectTitle', null, true, false, null],
  ['internal.latestVersion', 'number', 'internal.latestVersion', null, true, false, null],
  ['internal.status', 'string', 'internal.status', null, true, false, null],
  ['internal.workflowState', 'string', 'internal.workflowState', null, true, false, null],
  ['title', 'string', 'data.title', 'title', true, false, null],
  ['summary', 'string', 'data.summary', 'summary', true, false, null],
  ['notes', 'string', 'data.notes', 'notes', true, false, null],
  ['body', 'string', 'data.body', 'body', true, false, null],
  ['contactEmail', 'string', 'data.contactEmail', 'contactEmail', true, false, null],
  ['size', 'string', 'data.size', 'size', true, false, null],
  ['colour', 'string', 'data.colour', 'colour', true, false, null],
  ['flavours', 'stringArray', 'data.flavours', 'flavours', true, true, null],
  ['publishedOn', 'date', 'data.publishedOn', 'publishedOn', true, false, 'dateTime'],
  ['extra', 'string', 'data.extra', 'extra', true, false, null],
  ['price', 'number', 'data.price', 'price', true, false, null],
  ['inStock', 'boolean', 'data.inStock', 'inStock', true, false, null],
  ['categories', 'relation', 'data.categories', 'categories', false, true, null],
  ['categories[*].dataUrl', 'relation', 'data.categories.dataUrl', 'categories', true, true, null],
  ['cover', 'relation', 'data.cover', 'cover', false, true, null],
  ['cover[*].dataUrl', 'relation', 'data.cover.dataUrl', 'cover', true, true, null],
  ['sections', 'objectList', 'data.sections', 'sections', false, true, null],
  ['sections[*].heading', 'string', 'data.sections.heading', 'sections', true, true, null],
  ['sections[*].weight', 'number', 'data.sections.weight', 'sections', true, true, null],
  ['sections[*].image', 'relation', 'data.sections.image', 'sections', false, true, null],
  ['sections[*].image[*].dataUrl', 'relation', 'data.sections.image.dataUrl', 'sections', true, true, null],
  ['location', 'geo', 'data.location', 'location', false, false, null],
  ['location.lat', 'number', 'data.location.lat', 'location', true, false, null],
  ['location.lon', 'number', 'data.location.lon', 'location', true, false, null],
  ['keywords', 'stringArray', 'data.keywords', 'keywords', true, true, null],
  ['content', 'block', 'data.content', 'content', false, false, null],
];

function toRow(field: CatalogField): Row {
  return [field.path, field.kind, field.storagePath, field.property, field.leaf, field.many, field.dateFormat ?? null];
}

/** A minimal CTD with the given schema properties and configs. */
function ctdWith(
  properties: Record<string, object>,
  propertiesConfig: Record<string, object>,
): ContentTypeDefinitionInput {
  return {
    name: 'probe',
    label: 'Probe',
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' }, { type: 'object', properties }],
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig, order: Object.keys(properties) },
  } as ContentTypeDefinitionInput;
}

describe('buildFieldCatalog on the every-input-type CTD', () => {
  const catalog = buildFieldCatalog(everything);

  it('lists exactly the expected paths, in order', () => {
    expect([...catalog.fields.keys()]).toEqual(EXPECTED.map((row) => row[0]));
    expect(catalog.contentType).toBe('everything');
  });

  it.each(EXPECTED)('%s → kind %s at %s (property %s, leaf %s, many %s, date %s)', (fieldPath, ...rest) => {
    const field = lookupField(catalog, fieldPath);
    expect(field).toBeDefined();
    expect(toRow(field!)).toEqual([fieldPath, ...rest]);
  });

  it.each(['__proto__', 'constructor', 'toString', 'data.title', 'categories.dataUrl', 'categories[*]', '', 'internal', 'internal.publicVersion', 'location.alt', 'sections.heading', '$where'])(
    'has no entry for %j',
    (unknown) => {
      expect(lookupField(catalog, unknown)).toBeUndefined();
    },
  );
});

describe('buildFieldCatalog edge cases', () => {
  it.each<[string, object, object, Row[]]>([
    [
      'custom number',
      { n: { type: 'number' } },
      { n: { label: 'N', inputType: 'custom', unique: false } },
      [['n', 'number', 'data.n', 'n', true, false, null]],
    ],
    [
      'custom boolean',
      { b: { type: 'boolean' } },
      { b: { label: 'B', inputType: 'custom', unique: false } },
      [['b', 'boolean', 'data.b', 'b', true, false, null]],
    ],
    [
      'custom object',
      { o: { type: 'object', properties: {} } },
      { o: { label: 'O', inputType: 'custom', unique: false } },
      [['o', 'object', 'data.o', 'o', false, false, null]],
    ],
    [
      'select multiple flag without an array schema',
      { s: { type: 'string' } },
      { s: { label: 'S', inputType: 'select', unique: false, multiple: true, options: ['a'] } },
      [['s', 'stringArray', 'data.s', 's', true, true, null]],
    ],
    [
      'schema property without a config falls back to the schema type',
      { t: { type: 'string' }, r: { type: 'array', items: { $ref: '#/components/schemas/DataSource' } } },
      {},
      [
        ['t', 'string', 'data.t', 't', true, false, null],
        ['r', 'relation', 'data.r', 'r', false, true, null],
        ['r[*].dataUrl', 'relation', 'data.r.dataUrl', 'r', true, true, null],
      ],
    ],
    [
      'names that are not [A-Za-z0-9_] are skipped',
      { 'a.b': { type: 'string' }, $where: { type: 'string' }, ok_1: { type: 'string' } },
      {
        'a.b': { label: 'x', inputType: 'text', unique: false },
        $where: { label: 'x', inputType: 'text', unique: false },
        ok_1: { label: 'x', inputType: 'text', unique: false },
      },
      [['ok_1', 'string', 'data.ok_1', 'ok_1', true, false, null]],
    ],
    [
      'geo and dateTime inside an object list',
      {
        list: {
          type: 'array',
          items: { type: 'object', properties: { where: { type: 'object' }, when: { type: 'string' }, 'bad.name': { type: 'string' } } },
        },
      },
      {
        list: {
          label: 'L',
          inputType: 'object',
          unique: false,
          items: {
            order: ['where', 'when'],
            propertiesConfig: {
              where: { label: 'W', inputType: 'geo', unique: false },
              when: { label: 'T', inputType: 'dateTime', unique: false },
            },
          },
        },
      },
      [
        ['list', 'objectList', 'data.list', 'list', false, true, null],
        ['list[*].where', 'geo', 'data.list.where', 'list', false, true, null],
        ['list[*].where.lat', 'number', 'data.list.where.lat', 'list', true, true, null],
        ['list[*].where.lon', 'number', 'data.list.where.lon', 'list', true, true, null],
        ['list[*].when', 'date', 'data.list.when', 'list', true, true, 'dateTime'],
      ],
    ],
  ])('%s', (_name, properties, configs, rows) => {
    const catalog = buildFieldCatalog(ctdWith(properties as Record<string, object>, configs as Record<string, object>));
    const dataRows = [...catalog.fields.values()].filter((f) => f.property !== null).map(toRow);
    expect(dataRows).toEqual(rows);
  });
});

describe('what reading a catalog path reveals', () => {
  const probe = {
    ...ctdWith(
      { title: { type: 'string' }, slug: { type: 'string' }, list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } } },
      {
        title: { label: 'T', inputType: 'text', unique: false, isTitlePart: true },
        slug: { label: 'S', inputType: 'text', unique: false },
        list: { label: 'L', inputType: 'object', unique: false, items: { order: ['x'], propertiesConfig: { x: { label: 'X', inputType: 'text', unique: false } } } },
      },
    ),
    slugs: [{ source: 'title', target: 'slug', active: true }, { source: 'slug', target: 'list', active: false }],
  } as ContentTypeDefinitionInput;
  const catalog = buildFieldCatalog(probe);

  it.each<[string, string[], ReturnType<typeof fieldRead>]>([
    ['id', [], undefined],
    ['internal.createdAt', [], undefined],
    ['internal.objectTitle', ['title'], { name: 'internal.objectTitle', properties: ['title'] }],
    ['title', ['title'], { name: 'title', properties: ['title'] }],
    ['slug', ['slug', 'title'], { name: 'slug', properties: ['slug', 'title'] }],
    ['list[*].x', ['list', 'slug', 'title'], { name: 'list', properties: ['list', 'slug', 'title'] }],
  ])('%s reveals %j', (fieldPath, reveals, read) => {
    const field = lookupField(catalog, fieldPath)!;
    expect(field.reveals).toEqual(reveals);
    expect(fieldRead(field)).toEqual(read);
  });
});
