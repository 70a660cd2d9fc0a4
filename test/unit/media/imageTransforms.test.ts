import { parseTransformQuery, parseTrim, parseTrimPath, trimLabel, trimRegion, variantTrim } from '../../../src/media/imageTransforms';

describe('image transformation decisions', () => {
  it.each([
    [{ top: 1, left: 2 }, { top: 1, left: 2 }],
    [{ top: 1, left: 2, width: 3, height: 4 }, { top: 1, left: 2, width: 3, height: 4 }],
    [{ top: 1 }, undefined],
    [{ top: 1, left: 2, rotate: 90 }, undefined],
    [{ top: -1, left: 2 }, undefined],
    [{ top: 1.5, left: 2 }, undefined],
    [{ top: '1', left: 2 }, undefined],
    [[1, 2], undefined],
    [null, undefined],
  ])('the trim %j reads as %j', (value, expected) => expect(parseTrim(value)).toEqual(expected));

  it.each([
    ['50,50,200,200', { top: 50, left: 50, width: 200, height: 200 }],
    ['0,0,1,1', { top: 0, left: 0, width: 1, height: 1 }],
    ['1,2,3', undefined],
    ['1,2,3,4,5', undefined],
    ['a,2,3,4', undefined],
    ['1, 2,3,4', undefined],
  ])('the path trim %s reads as %j', (path, expected) => expect(parseTrimPath(path)).toEqual(expected));

  it.each([
    [undefined, undefined],
    ['{"trim":{"top":1,"left":2}}', { top: 1, left: 2 }],
    ['{"trim":{"top":1}}', 'invalid'],
    ['{"crop":{"top":1,"left":2}}', 'invalid'],
    ['{"trim":{"top":1,"left":2},"x":1}', 'invalid'],
    ['not json', 'invalid'],
    [['a', 'b'], 'invalid'],
  ])('?transform=%j reads as %j', (raw, expected) => expect(parseTransformQuery(raw)).toEqual(expected));

  it.each([
    ['a region inside', { top: 10, left: 20, width: 30, height: 40 }, { left: 20, top: 10, width: 30, height: 40 }],
    ['a region past the edge, cut to it', { top: 250, left: 350, width: 500, height: 500 }, { left: 350, top: 250, width: 50, height: 50 }],
    ['sides cut off', { top: 10, right: 20, bottom: 30, left: 40 }, { left: 40, top: 10, width: 340, height: 260 }],
    ['only top and left', { top: 100, left: 100 }, { left: 100, top: 100, width: 300, height: 200 }],
    ['nothing left (left at the edge)', { top: 0, left: 400 }, undefined],
    ['nothing left (sides overlap)', { top: 200, bottom: 200, left: 0 }, undefined],
    ['an empty region', { top: 0, left: 0, width: 0, height: 10 }, undefined],
  ])('of a 400x300 image, %s', (_name, trim, expected) => expect(trimRegion(trim, 400, 300)).toEqual(expected));

  it('finds a variant by name, whatever its case, and names trims in cache keys', () => {
    const variants = [{ name: 'Thumb', trim: { top: 1, left: 2 } }, { name: 'bad', trim: { top: 'x' } }];
    expect(variantTrim(variants, 'thumb')).toEqual({ top: 1, left: 2 });
    expect(variantTrim(variants, 'bad')).toBeUndefined();
    expect(variantTrim(variants, 'other')).toBeUndefined();
    expect(variantTrim(undefined, 'thumb')).toBeUndefined();
    expect(trimLabel(undefined)).toBe('');
    expect(trimLabel({ top: 1, left: 2, width: 3, height: 4 })).not.toBe(trimLabel({ top: 1, left: 2, right: 3, bottom: 4 }));
  });
});
