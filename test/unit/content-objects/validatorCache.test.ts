import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinition } from '../../../src/content-types/contentTypeDefinition';
import { createObjectValidator } from '../../../src/content-objects/validation/objectValidator';
import {
  getObjectValidator,
  validatorCache,
  ValidatorCache,
  validatorCacheKey,
} from '../../../src/content-objects/validation/validatorCache';

/** Compile once per validator, and once per CTD version through the cache. */

const category = {
  ...JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/category.json'), 'utf8')),
  id: 'ctd-uuid-1',
  version: 1,
} as ContentTypeDefinition;

afterEach(() => {
  jest.restoreAllMocks();
  validatorCache.clear();
});

describe('createObjectValidator', () => {
  it('compiles the schema once, however often the validator runs', () => {
    const compile = jest.spyOn(Ajv.prototype, 'compile');
    const validate = createObjectValidator(category, 'full');
    expect(compile).toHaveBeenCalledTimes(1);
    expect(validate({ name: 'Books' })).toEqual({});
    expect(validate({})).toEqual({ name: ['The property name is required'] });
    expect(validate({ name: '' })).toEqual({ name: ['Must be at least 1 characters long'] });
    expect(validate({ name: 'Books' })).toEqual({});
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('gives full and patch validators their own required handling', () => {
    expect(createObjectValidator(category, 'full')({})).toEqual({ name: ['The property name is required'] });
    expect(createObjectValidator(category, 'patch')({})).toEqual({});
  });
});

describe('ValidatorCache', () => {
  it('keys entries by account, name, version and mode', () => {
    expect(validatorCacheKey('acc-1', 'category', 3, 'patch')).toBe('acc-1:category:3:patch');
  });

  it('compiles each account/name/version/mode once', () => {
    const compile = jest.fn(createObjectValidator);
    const cache = new ValidatorCache(10, compile);
    const first = cache.get('acc-1', category, 'full');
    expect(cache.get('acc-1', category, 'full')).toBe(first);
    expect(compile).toHaveBeenCalledTimes(1);
    cache.get('acc-1', category, 'patch');
    cache.get('acc-2', category, 'full');
    cache.get('acc-1', { ...category, version: 2 }, 'full');
    expect(compile).toHaveBeenCalledTimes(4);
    expect(cache.size).toBe(4);
  });

  it('recompiles when a type was re-created under the same name and version (new CTD id)', () => {
    const compile = jest.fn(createObjectValidator);
    const cache = new ValidatorCache(10, compile);
    const old = cache.get('acc', category, 'full');
    const recreated = cache.get('acc', { ...category, id: 'ctd-uuid-2' }, 'full');
    expect(recreated).not.toBe(old);
    expect(compile).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const compile = jest.fn(createObjectValidator);
    const cache = new ValidatorCache(2, compile);
    const v1 = { ...category, version: 1 };
    const v2 = { ...category, version: 2 };
    const v3 = { ...category, version: 3 };
    cache.get('a', v1, 'full');
    cache.get('a', v2, 'full');
    cache.get('a', v1, 'full'); // v1 is now the most recently used
    cache.get('a', v3, 'full'); // evicts v2
    expect(cache.size).toBe(2);
    expect(compile).toHaveBeenCalledTimes(3);
    cache.get('a', v1, 'full');
    expect(compile).toHaveBeenCalledTimes(3);
    cache.get('a', v2, 'full');
    expect(compile).toHaveBeenCalledTimes(4);
  });

  it('forgets every version and mode of one type', () => {
    const cache = new ValidatorCache(10);
    cache.get('a', category, 'full');
    cache.get('a', category, 'patch');
    cache.get('a', { ...category, name: 'categoryx' }, 'full');
    cache.forgetType('a', 'category');
    expect(cache.size).toBe(1);
  });

  it('refuses a non-positive bound', () => {
    expect(() => new ValidatorCache(0)).toThrow('maxEntries must be a positive integer');
  });

  it('serves the process-wide cache through getObjectValidator', () => {
    const validator = getObjectValidator('acc', category, 'full');
    expect(getObjectValidator('acc', category, 'full')).toBe(validator);
    expect(validator({ name: 3 })).toEqual({ name: ['Integer value found, but a string is required'] });
    expect(validatorCache.size).toBe(1);
  });
});
