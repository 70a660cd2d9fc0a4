import { DEFAULT_OPERATION_LIMITS, exceedsDocumentBytes } from '../../../src/graphql/guards/operationLimits';

/** Which request documents are over the byte limit (decided before parsing). */
describe('exceedsDocumentBytes', () => {
  const limits = { ...DEFAULT_OPERATION_LIMITS, maxDocumentBytes: 10 };
  it.each<[string, unknown, unknown, boolean]>([
    ['a POST query at the limit', { query: '0123456789' }, undefined, false],
    ['a POST query one byte over', { query: '0123456789a' }, undefined, true],
    ['bytes, not characters: five two-byte characters fit', { query: 'ééééé' }, undefined, false],
    ['bytes, not characters: six do not', { query: 'éééééé' }, undefined, true],
    ['a GET query over', undefined, '0123456789a', true],
    ['any of several GET queries over', undefined, ['{ a }', '0123456789a'], true],
    ['a query that is not a string (left to the server)', { query: { length: 1e9 } }, 12345678901, false],
    ['no body and no query', null, undefined, false],
    ['a body that is a string', '0123456789abcdef', undefined, false],
  ])('%s', (_name, body, queryParam, expected) => {
    expect(exceedsDocumentBytes(body, queryParam, limits)).toBe(expected);
  });
});
