import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { findUnsafeValues, MAX_NESTING_DEPTH } from '../../../src/content-objects/validation/safeValue';
import { validateObjectData } from '../../../src/content-objects/validation/validateObjectData';
import type { FieldErrors } from '../../../src/errors/appError';

/** The storage-safety gate, alone and as the first stage of validateObjectData. */

/** `{"__proto__": [...]}` with a real own key (an object literal would set the prototype instead). */
function ownProtoKeyErrors(): FieldErrors {
  return JSON.parse('{"__proto__":["Property name __proto__ not allowed"]}') as FieldErrors;
}

/** `depth` nested arrays around `inner` (`depth` = 1 gives `[inner]`). */
function nestArrays(depth: number, inner: unknown = 'x'): unknown {
  let value: unknown = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('findUnsafeValues', () => {
  it.each<[string, unknown, FieldErrors]>([
    ['ordinary JSON', { a: 'text', b: [1, true, null, { c: 'd' }], e: { 'f-g': 'h', i_j: '' } }, {}],
    ['a NUL character in a top-level string', { title: 'a\u0000b' }, { title: ['NUL characters are not allowed'] }],
    [
      'NUL characters deep inside arrays and objects',
      { content: { blocks: [{ data: { text: 'ok' } }, { data: { items: ['fine', '\u0000'] } }] } },
      { 'content.blocks[1].data.items[1]': ['NUL characters are not allowed'] },
    ],
    [
      'a real own __proto__ key (JSON.parse)',
      JSON.parse('{"title":"t","__proto__":{"polluted":true}}'),
      ownProtoKeyErrors(),
    ],
    [
      'constructor and prototype keys, nested',
      { a: { constructor: 1 }, b: [{ prototype: {} }] },
      { 'a.constructor': ['Property name constructor not allowed'], 'b[0].prototype': ['Property name prototype not allowed'] },
    ],
    ['a key starting with $', { filter: { $where: 'sleep(1)' } }, { 'filter.$where': ['Property name $where not allowed'] }],
    ['a key containing a dot', { 'a.b': 1 }, { 'a.b': ['Property name a.b not allowed'] }],
    ['a key containing NUL', { 'a\u0000': 1 }, { 'a\\u0000': ['Property name a\\u0000 not allowed'] }],
    ['a $ and a dot that are not at the start of a key', { a$b: 'x.y', c: '$d' }, {}],
    ['nesting of exactly the maximum depth', { deep: nestArrays(MAX_NESTING_DEPTH - 1) }, {}],
    [
      'nesting one level deeper than the maximum',
      { deep: nestArrays(MAX_NESTING_DEPTH) },
      { [`deep${'[0]'.repeat(MAX_NESTING_DEPTH - 1)}`]: ['Nesting deeper than 64 levels is not allowed'] },
    ],
    ['a string body with NUL', 'a\u0000', { body: ['NUL characters are not allowed'] }],
  ])('%s', (_label, data, expected) => {
    const result = findUnsafeValues(data);
    expect(result).toEqual(expected);
    expect(Object.keys(result).sort()).toEqual(Object.keys(expected).sort());
  });

  it('reports a __proto__ key as an own key, leaving the result a plain object', () => {
    const result = findUnsafeValues(JSON.parse('{"__proto__":{"isAdmin":true}}'));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(JSON.stringify(result)).toBe('{"__proto__":["Property name __proto__ not allowed"]}');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('survives pathological nesting without overflowing the stack', () => {
    const deep = JSON.parse(`{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(findUnsafeValues(deep)).toEqual({
      [`x${'[0]'.repeat(MAX_NESTING_DEPTH - 1)}`]: ['Nesting deeper than 64 levels is not allowed'],
    });
  });
});

describe('validateObjectData runs the safety gate first', () => {
  const everything = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
  ) as ContentTypeDefinitionInput;

  it.each<[string, unknown, FieldErrors]>([
    ['a NUL character in a valid field', { title: 'bad\u0000title' }, { title: ['NUL characters are not allowed'] }],
    [
      'a __proto__ key inside block data (schema errors are not reported alongside)',
      JSON.parse('{"price":"not a number","content":{"blocks":[{"type":"paragraph","data":{"__proto__":{"x":1}}}]}}'),
      { 'content.blocks[0].data.__proto__': ['Property name __proto__ not allowed'] },
    ],
    [
      'a $-key inside internal',
      { title: 't', internal: { $set: { admin: true } } },
      { 'internal.$set': ['Property name $set not allowed'] },
    ],
    [
      'a top-level __proto__ key',
      JSON.parse('{"title":"t","__proto__":{}}'),
      ownProtoKeyErrors(),
    ],
  ])('%s', (_label, body, expected) => {
    const result = validateObjectData(everything, body, 'full');
    expect(result).toEqual(expected);
    expect(Object.keys(result)).toEqual(Object.keys(expected));
  });
});
