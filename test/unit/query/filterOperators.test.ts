import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { buildFieldCatalog, lookupField } from '../../../src/query/fieldCatalog';
import { FILTER_OPERATORS, operatorApplies, resolveOperator } from '../../../src/query/filterOperators';

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;
const catalog = buildFieldCatalog(everything);

const EQ = ['equals', 'notEqual'];
const TEXT = ['contains', 'notContains', 'startsWith', 'endsWith'];
const RANGE = ['lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange'];
const EMPTY = ['empty', 'notEmpty'];
const ARRAY = ['overlaps', 'includes'];

describe('resolveOperator', () => {
  it.each<[string, string]>([...FILTER_OPERATORS.map((op): [string, string] => [op, op]), ['notEquals', 'notEqual']])('%s → %s', (type, op) => {
    expect(resolveOperator(type)).toBe(op);
  });

  it.each(['', 'EQUALS', 'regex', '$where', '__proto__', 'constructor', 'toString', 'eq'])('%j is unknown', (type) => {
    expect(resolveOperator(type)).toBeUndefined();
  });

  it('knows the 15 operators of spec §2.4', () => {
    expect(FILTER_OPERATORS).toHaveLength(15);
  });
});

describe('operatorApplies: the operators each kind accepts', () => {
  it.each<[string, string[]]>([
    ['title', [...EQ, ...TEXT, ...EMPTY]],
    ['id', [...EQ, ...TEXT, ...EMPTY]],
    ['internal.status', [...EQ, ...TEXT, ...EMPTY]],
    ['price', [...EQ, ...RANGE, ...EMPTY]],
    ['internal.latestVersion', [...EQ, ...RANGE, ...EMPTY]],
    ['location.lat', [...EQ, ...RANGE, ...EMPTY]],
    ['inStock', [...EQ, ...EMPTY]],
    ['internal.createdAt', [...EQ, ...TEXT, ...RANGE, ...EMPTY]],
    ['publishedOn', [...EQ, ...TEXT, ...RANGE, ...EMPTY]],
    ['categories[*].dataUrl', [...EQ, ...TEXT, ...EMPTY, ...ARRAY]],
    ['keywords', [...EQ, ...TEXT, ...EMPTY, ...ARRAY]],
    ['flavours', [...EQ, ...TEXT, ...EMPTY, ...ARRAY]],
    ['sections[*].heading', [...EQ, ...TEXT, ...EMPTY, ...ARRAY]],
    ['sections[*].weight', [...EQ, ...RANGE, ...EMPTY, ...ARRAY]],
    ['categories', EMPTY],
    ['sections', EMPTY],
    ['location', EMPTY],
    ['content', EMPTY],
  ])('%s', (fieldPath, expected) => {
    const field = lookupField(catalog, fieldPath)!;
    const allowed = FILTER_OPERATORS.filter((op) => operatorApplies(op, field));
    expect([...allowed].sort()).toEqual([...expected].sort());
  });
});
