import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateContentTypeDefinition } from '../../../src/content-types/validateContentTypeDefinition';
import { CTD_BOUNDS } from '../../../src/content-types/validation/definitionBounds';
import { FLOTIQ_FIXTURES } from '../../support/fixtures';
import { largeDefinition, propertyName } from '../../support/largeDefinitions';

/** The size bounds of a CTD (issue #12): name length, property count, list depth, JSON size, prototype names. */

/* eslint-disable @typescript-eslint/no-explicit-any -- test payloads are mutable JSON */
const context = { relationTargetExists: () => true, isCreate: true };
const errorsOf = (input: unknown) => {
  const result = validateContentTypeDefinition(input, context);
  return result.ok ? {} : result.errors;
};
const top = (ctd: any) => ctd.schemaDefinition.allOf[1].properties;

/** `ctd` with its last top-level property renamed to `name` (schema, meta and order alike). */
function renameLast(ctd: any, name: string): any {
  const old = ctd.metaDefinition.order[ctd.metaDefinition.order.length - 1];
  top(ctd)[name] = top(ctd)[old];
  delete top(ctd)[old];
  ctd.metaDefinition.propertiesConfig[name] = ctd.metaDefinition.propertiesConfig[old];
  delete ctd.metaDefinition.propertiesConfig[old];
  ctd.metaDefinition.order[ctd.metaDefinition.order.length - 1] = name;
  return ctd;
}

describe('CTD bounds', () => {
  it('are what the README and the bench say', () => {
    expect(CTD_BOUNDS).toEqual({ maxPropertyNameLength: 64, maxProperties: 100, maxListDepth: 2, maxDefinitionBytes: 131_072 });
  });

  it.each<[string, () => unknown, Record<string, string[]>]>([
    ['100 properties with lists nested 2 deep and 64-character names', () => largeDefinition('big', { properties: 100, depth: 2, nameLength: 64 }), {}],
    [
      '101 properties (nested ones count)',
      () => largeDefinition('big', { properties: 101, depth: 1 }),
      { 'schemaDefinition.properties': ['Must contain no more than 100 properties, nested ones included'] },
    ],
    [
      '10,000 properties (the report of issue #12)',
      () => largeDefinition('big', { properties: 10_000, depth: 0, options: 0 }),
      { ctd: ['The definition must be at most 128 KiB of JSON'] },
    ],
    [
      'a 65-character name',
      () => renameLast(largeDefinition('big', { properties: 3, depth: 0 }), propertyName(9, 65)),
      { 'schemaDefinition.properties': [`Property name ${propertyName(9, 65).slice(0, 20)}… is longer than 64 characters`] },
    ],
    [
      'a 1,000-character name',
      () => renameLast(largeDefinition('big', { properties: 3, depth: 0 }), propertyName(9, 1000)),
      { 'schemaDefinition.properties': [`Property name ${propertyName(9, 1000).slice(0, 20)}… is longer than 64 characters`] },
    ],
    [
      'object lists nested 3 deep',
      () => largeDefinition('big', { properties: 12, depth: 3 }),
      { 'metaDefinition.propertiesConfig.p1xxxxxx.items.propertiesConfig.p2xxxxxx.items.propertiesConfig.p3xxxxxx': ['Object lists can be nested at most 2 levels deep'] },
    ],
    [
      'a definition over 128 KiB of JSON (long help texts)',
      () => largeDefinition('big', { properties: 20, depth: 0, decoration: 'x'.repeat(7_000) }),
      { ctd: ['The definition must be at most 128 KiB of JSON'] },
    ],
  ])('%s', (_name, build, expected) => {
    expect(errorsOf(build())).toEqual(expected);
  });

  it.each(['hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'])(
    'refuses the Object.prototype member %s as a property name, at the top and inside a list',
    (name) => {
      expect(errorsOf(renameLast(largeDefinition('big', { properties: 3, depth: 0 }), name))).toEqual({
        'schemaDefinition.properties': [`Property name ${name} not allowed`],
      });
      const nested: any = largeDefinition('big', { properties: 4, depth: 1 });
      const list = nested.metaDefinition.order[1];
      const items = top(nested)[list].items.properties;
      const meta = nested.metaDefinition.propertiesConfig[list].items;
      const [inner] = meta.order;
      items[name] = items[inner];
      delete items[inner];
      meta.propertiesConfig[name] = meta.propertiesConfig[inner];
      delete meta.propertiesConfig[inner];
      meta.order[0] = name;
      expect(errorsOf(nested)).toEqual({ [`schemaDefinition.properties.${list}.items.properties`]: [`Property name ${name} not allowed`] });
    },
  );

  it('refuses constructor as a type name', () => {
    expect(errorsOf({ ...largeDefinition('big', { properties: 2 }), name: 'constructor' })).toEqual({ name: ['This value is not valid.'] });
  });

  it('accepts every CTD of the Flotiq export fixtures', () => {
    const files = readdirSync(FLOTIQ_FIXTURES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('ContentTypeDefinition.json'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const ctd = JSON.parse(readFileSync(path.join(FLOTIQ_FIXTURES, file), 'utf8'));
      expect([file, validateContentTypeDefinition(ctd, { ...context, allowSystemName: true }).ok]).toEqual([file, true]);
    }
  });
});
