import { normalisePermissions } from '../../src/access/normalisePermissions';
import type { ContentTypeDefinition } from '../../src/content-types/contentTypeDefinition';
import { describeRights } from '../../src/rest/auth-context/describeRights';
import { parseHydrate } from '../../src/rest/hydration/parseHydrate';
import { relationSlots } from '../../src/rest/hydration/relationSlots';
import { REST_ROUTES } from '../../src/rest/routes';
import { methodNotAllowedRoutes } from '../../src/rest/transport/methodNotAllowed';
import { booleanParam, listParam, refuseStructuredParams } from '../../src/rest/transport/queryParams';
import { LIBRARY_TYPES, ref } from './restKit';

/** Pure pieces of the REST layer, without HTTP or a database. */

const ctd = (index: number) => LIBRARY_TYPES[index] as unknown as ContentTypeDefinition;
const restBody = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { restBody(): unknown }).restBody();
  }
  throw new Error('expected a refusal');
};

describe('relationSlots', () => {
  it('finds references at the top level and inside object lists, skipping what is not a reference', () => {
    const firstSection = { heading: 'h', category: [ref('category', 'c-3')] };
    const article = {
      id: 'a',
      title: 'T',
      categories: [ref('category', 'c-1'), { dataUrl: 'https://example.com/x', type: 'external' }, 'junk', ref('category', 'c-2')],
      sections: [firstSection, { heading: 'no relation' }, 'junk'],
    };
    const slots = relationSlots(ctd(2), article);
    expect(slots.map(({ type, id, index }) => [type, id, index])).toEqual([
      ['category', 'c-1', 0],
      ['category', 'c-2', 3],
      ['category', 'c-3', 0],
    ]);
    expect(slots[2].list).toBe(firstSection.category);
  });

  it('ignores a text property that happens to hold reference-like values', () => {
    expect(relationSlots(ctd(1), { name: [ref('author', 'x')] as unknown as string })).toEqual([]);
  });
});

describe('parseHydrate', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['1', 1],
    ['2', 2],
  ])('%p → %p', (input, expected) => expect(parseHydrate(input)).toBe(expected));

  it.each(['3', '01', ' 1', 'true', ['1', '2']])('refuses %p', (input) => {
    expect(restBody(() => parseHydrate(input))).toEqual({ hydrate: ['Hydrate must be 0, 1 or 2'] });
  });
});

describe('query parameters', () => {
  it('reads list parameters in every form', () => {
    expect(listParam({ 'names[]': ['a', 'b'], names: 'c, d' }, 'names', { splitCommas: true })).toEqual(['c', 'd', 'a', 'b']);
    expect(listParam({ ids: 'a,b' }, 'ids', { splitCommas: false })).toEqual(['a,b']);
    expect(listParam({}, 'ids', { splitCommas: false })).toBeUndefined();
  });

  it('reads booleans strictly', () => {
    expect(booleanParam({ x: 'TRUE' }, 'x')).toBe(true);
    expect(booleanParam({ x: '0' }, 'x')).toBe(false);
    expect(booleanParam({}, 'x')).toBeUndefined();
    expect(restBody(() => booleanParam({ x: 'yes' }, 'x'))).toEqual({ x: ['Must be one of: true, false, 1, 0'] });
  });

  it('refuses object-form parameters except the array forms', () => {
    expect(() => refuseStructuredParams({ 'ids[]': 'a', 'names[]': 'b', filters: '{}' })).not.toThrow();
    expect(restBody(() => refuseStructuredParams({ 'filters[$where]': 'x' }))).toEqual({ filters: ['Malformed filters json - Syntax error'] });
    expect(Object.keys(restBody(() => refuseStructuredParams({ 'order_by[$gt]': 'x' })) as object)).toEqual(['order_by']);
  });
});

describe('methodNotAllowedRoutes', () => {
  it('covers each path with the methods no route serves on it', () => {
    const table = Object.fromEntries(methodNotAllowedRoutes(REST_ROUTES).map((route) => [route.url, route.method]));
    expect(table['/api/v1/content/:name']).toEqual(['PUT', 'PATCH', 'DELETE', 'OPTIONS']);
    expect(table['/api/v1/content/:name/:id']).toEqual(['POST', 'OPTIONS']);
    // GET, PUT and DELETE on …/batch reach the object routes (an object may be called "batch").
    expect(table['/api/v1/content/:name/batch']).toEqual(['OPTIONS']);
    expect(table['/api/v1/internal/contenttype/:name/purge']).toEqual(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
  });
});

describe('describeRights', () => {
  const ctds = LIBRARY_TYPES as unknown as ContentTypeDefinition[];

  it('lists every type for application keys', () => {
    expect(describeRights(normalisePermissions('ro'), ctds).map((r) => [r.contentType, r.canRead, r.canDelete])).toEqual([
      ['author', true, false],
      ['category', true, false],
      ['article', true, false],
    ]);
  });

  it('lists only reached types for a user key, with fields denied for granted actions only', () => {
    const permissions = normalisePermissions('user', [
      { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: true, canDelete: false, fields: { secret: { read: false, create: false }, name: { update: false } } },
      { contentTypeDefinitionName: 'author', canRead: false, canCreate: false, canUpdate: false, canDelete: false },
    ]);
    expect(describeRights(permissions, ctds)).toEqual([
      {
        contentType: 'category',
        canRead: true,
        canCreate: false,
        canUpdate: true,
        canDelete: false,
        deniedFields: { read: ['secret'], create: [], update: ['name'] },
      },
    ]);
  });
});
