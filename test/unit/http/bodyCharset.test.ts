import { declaresForeignCharset } from '../../../src/http/bodyCharset';

describe('declaresForeignCharset', () => {
  it.each([
    [undefined, false],
    ['application/json', false],
    ['application/json; charset=utf-8', false],
    ['application/json;charset=UTF-8', false],
    ['application/json; charset="utf-8"', false],
    ['application/json; charset=utf8', false],
    ['text/plain', false],
    ['application/json; charset=utf-16', true],
    ['application/json; charset=UTF-16LE', true],
    ['application/json; charset="iso-8859-1"', true],
    ['application/json; charset=utf-7', true],
    ['application/json; boundary=x; charset=ibm037', true],
    ['application/json; charset=', true],
  ])('%p → %p', (header, expected) => {
    expect(declaresForeignCharset(header)).toBe(expected);
  });
});
