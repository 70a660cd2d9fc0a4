import type { ErrorObject } from 'ajv';
import {
  expectedTypeWording,
  FieldErrorCollector,
  mergeFieldErrors,
  phpTypeName,
  toFlotiqFieldErrors,
} from '../../../src/content-objects/validation/flotiqMessages';
import type { FieldErrors } from '../../../src/errors/appError';

/** Wording and path rules of the message translation. */

function ajvError(partial: Partial<ErrorObject> & Pick<ErrorObject, 'keyword' | 'instancePath'>): ErrorObject {
  return { schemaPath: '#', params: {}, ...partial } as ErrorObject;
}

describe('phpTypeName / expectedTypeWording', () => {
  it.each<[unknown, string]>([
    ['s', 'String'],
    [1, 'Integer'],
    [1.25, 'Double'],
    [false, 'Boolean'],
    [null, 'NULL'],
    [[], 'Array'],
    [{}, 'Object'],
  ])('gettype(%j) is %s', (value, expected) => {
    expect(phpTypeName(value)).toBe(expected);
  });

  it.each<[string[], string]>([
    [['string'], 'a string'],
    [['object'], 'an object'],
    [['integer'], 'an integer'],
    [['array', 'null'], 'an array or a null'],
    [['string', 'number', 'boolean'], 'a string, a number or a boolean'],
  ])('%j is worded %s', (types, expected) => {
    expect(expectedTypeWording(types)).toBe(expected);
  });
});

describe('toFlotiqFieldErrors paths', () => {
  const data = { list: [{ '0': { x: 1 } }], 'a~b': { 'c/d': 1 } };

  it.each<[string, ErrorObject, FieldErrors]>([
    [
      'array indexes in brackets, object keys after dots (even numeric ones)',
      ajvError({ keyword: 'type', instancePath: '/list/0/0/x', params: { type: 'string' }, data: 1 }),
      { 'list[0].0.x': ['Integer value found, but a string is required'] },
    ],
    [
      'JSON-pointer escapes decoded',
      ajvError({ keyword: 'minimum', instancePath: '/a~0b/c~1d', params: { limit: 2 } }),
      { 'a~b.c/d': ['Must have a minimum value of 2'] },
    ],
    [
      'required keyed by the missing property under its parent',
      ajvError({ keyword: 'required', instancePath: '/list/0', params: { missingProperty: 'name' } }),
      { 'list[0].name': ['The property name is required'] },
    ],
    [
      'additionalProperties keyed by the extra property',
      ajvError({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'extra' } }),
      { extra: ['The property extra is not defined and the definition does not allow additional properties'] },
    ],
    [
      'an unknown keyword falls back to ajv’s message; "if" summaries are dropped',
      ajvError({ keyword: 'contains', instancePath: '/list', message: 'must contain at least 1 valid item(s)' }),
      { list: ['must contain at least 1 valid item(s)'] },
    ],
  ])('%s', (_label, error, expected) => {
    expect(toFlotiqFieldErrors([error, ajvError({ keyword: 'if', instancePath: '/list' })], data)).toEqual(expected);
  });
});

describe('merging', () => {
  it('concatenates per key in order and drops duplicate messages', () => {
    expect(mergeFieldErrors({ a: ['1', '2'], b: ['x'] }, { a: ['2', '3'] }, {}, { c: ['y'] })).toEqual({
      a: ['1', '2', '3'],
      b: ['x'],
      c: ['y'],
    });
  });

  it('keeps a __proto__ path as an own key instead of changing the prototype', () => {
    const collector = new FieldErrorCollector();
    expect(collector.isEmpty()).toBe(true);
    collector.add('__proto__', 'bad');
    const result = collector.toFieldErrors();
    expect(collector.isEmpty()).toBe(false);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(mergeFieldErrors(result, { b: ['c'] })).toEqual(JSON.parse('{"__proto__":["bad"],"b":["c"]}'));
  });
});
