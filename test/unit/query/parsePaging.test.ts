import { isAppError } from '../../../src/errors/appError';
import { parsePaging } from '../../../src/query/parsePaging';

function refusal(fn: () => unknown): { status: number; body: unknown } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { status: error.status, body: error.restBody() };
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const PAGE_ERROR = { page: ['Page must be an integer greater than or equal to 1'] };
const LIMIT_ERROR = { limit: ['Limit must be between 1 and 1000'] };

describe('parsePaging', () => {
  it.each<[unknown, unknown, { page: number; limit: number; skip: number }]>([
    [undefined, undefined, { page: 1, limit: 20, skip: 0 }],
    [null, null, { page: 1, limit: 20, skip: 0 }],
    ['', '', { page: 1, limit: 20, skip: 0 }],
    ['1', '20', { page: 1, limit: 20, skip: 0 }],
    ['2', '50', { page: 2, limit: 50, skip: 50 }],
    [3, 10, { page: 3, limit: 10, skip: 20 }],
    ['007', '1', { page: 7, limit: 1, skip: 6 }],
    [1, 1000, { page: 1, limit: 1000, skip: 0 }],
    ['1000000', '1000', { page: 1000000, limit: 1000, skip: 999999000 }],
    [undefined, '5', { page: 1, limit: 5, skip: 0 }],
    ['4', undefined, { page: 4, limit: 20, skip: 60 }],
  ])('page %j, limit %j', (page, limit, expected) => {
    expect(parsePaging(page, limit)).toEqual(expected);
  });

  it.each<[string, unknown, unknown, Record<string, string[]>]>([
    ['page 0', '0', '20', PAGE_ERROR],
    ['page 0 as number', 0, 20, PAGE_ERROR],
    ['negative page', '-1', '20', PAGE_ERROR],
    ['fractional page', '1.5', '20', PAGE_ERROR],
    ['fractional page number', 1.5, 20, PAGE_ERROR],
    ['word page', 'abc', '20', PAGE_ERROR],
    ['padded page', ' 2', '20', PAGE_ERROR],
    ['signed page', '+2', '20', PAGE_ERROR],
    ['exponent page', '1e3', '20', PAGE_ERROR],
    ['page list', ['1', '2'], '20', PAGE_ERROR],
    ['page object', { $gt: 0 }, '20', PAGE_ERROR],
    ['boolean page', true, '20', PAGE_ERROR],
    ['unsafe page', '99999999999999999999', '20', PAGE_ERROR],
    ['skip beyond safe integers', String(Number.MAX_SAFE_INTEGER), '20', { page: ['Page is too large'] }],
    ['limit 0', '1', '0', LIMIT_ERROR],
    ['limit 1001', '1', '1001', LIMIT_ERROR],
    ['limit 1001 as number', 1, 1001, LIMIT_ERROR],
    ['negative limit', '1', '-5', LIMIT_ERROR],
    ['fractional limit', '1', '2.5', LIMIT_ERROR],
    ['word limit', '1', 'all', LIMIT_ERROR],
    ['limit list', '1', ['10'], LIMIT_ERROR],
    ['NaN limit', '1', Number.NaN, LIMIT_ERROR],
  ])('%s is refused', (_name, page, limit, body) => {
    expect(refusal(() => parsePaging(page, limit))).toEqual({ status: 400, body });
  });

  it('checks page before limit', () => {
    expect(refusal(() => parsePaging('0', '0')).body).toEqual(PAGE_ERROR);
  });

  it.each<[unknown, { page: number; limit: number; skip: number } | Record<string, string[]>]>([
    [undefined, { page: 1, limit: 10, skip: 0 }],
    ['100', { page: 1, limit: 100, skip: 0 }],
    ['101', { limit: ['Limit must be between 1 and 100'] }],
  ])('custom defaults {limit: 10, maxLimit: 100}: limit %j', (limit, expected) => {
    const run = () => parsePaging('1', limit, { limit: 10, maxLimit: 100 });
    if ('skip' in expected) expect(run()).toEqual(expected);
    else expect(refusal(run)).toEqual({ status: 400, body: expected });
  });
});
