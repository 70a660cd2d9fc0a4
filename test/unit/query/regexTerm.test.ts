import { escapeRegex, termCondition } from '../../../src/query/regexTerm';

describe('escapeRegex', () => {
  it.each<[string, string]>([
    ['plain words', 'plain words'],
    ['a.b', 'a\\.b'],
    ['(a+)+$', '\\(a\\+\\)\\+\\$'],
    ['^x|y', '\\^x\\|y'],
    ['[a-z]{2,}?', '\\[a\\-z\\]\\{2,\\}\\?'],
    ['C:\\path/x', 'C:\\\\path\\/x'],
    ['ąę ü #', 'ąę ü #'],
  ])('%j → %j', (input, expected) => {
    expect(escapeRegex(input)).toBe(expected);
  });

  it.each(['.*', '(a+)+$', '\\', 'a[b]c', '{"$ne":1}', 'x|y', '^$', 'a-b/c?d'])('%j only ever matches itself', (term) => {
    const re = new RegExp(`^${escapeRegex(term)}$`);
    expect(re.test(term)).toBe(true);
    expect(re.test(`${term}x`)).toBe(false);
    expect(re.test('')).toBe(term === '');
  });
});

describe('termCondition', () => {
  it.each<[string, 'anywhere' | 'start' | 'end', string]>([
    ['a.b', 'anywhere', 'a\\.b'],
    ['a.b', 'start', '^a\\.b'],
    ['a.b', 'end', 'a\\.b$'],
  ])('%j %s → %j, case-insensitive', (term, anchor, pattern) => {
    expect(termCondition(term, anchor)).toEqual({ $regex: pattern, $options: 'i' });
  });
});
