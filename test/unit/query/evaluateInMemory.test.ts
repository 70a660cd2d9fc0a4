import { compareValues, runQuery } from '../../../src/query/evaluateInMemory';

describe('in-memory evaluation of stored queries', () => {
  it.each<[unknown, unknown, number]>([
    [undefined, null, 0],
    [null, 0, -1],
    [1, 2, -1],
    [10, '1', -1],
    ['a', 'b', -1],
    ['B', 'a', -1],
    ['z', {}, -1],
    [{}, [], -1],
    [[], false, -1],
    [false, true, -1],
    [2.5, 2.5, 0],
  ])('%j vs %j → %i (MongoDB order)', (left, right, sign) => {
    expect(Math.sign(compareValues(left, right))).toBe(sign);
    expect(Math.sign(compareValues(right, left))).toBe(-sign || 0);
  });

  const docs = [
    { _id: '1', createdSeq: '1', data: { name: 'b', tags: ['x'], n: 2 } },
    { _id: '2', createdSeq: '2', data: { name: 'a', n: 1 } },
    { _id: '3', createdSeq: '3', data: { name: 'a', tags: ['y', 'x'] } },
  ];

  it.each<[string, Record<string, unknown>, Record<string, 1 | -1>, string[]]>([
    ['sort by a path, ties by createdSeq', {}, { 'data.name': 1, createdSeq: 1 }, ['2', '3', '1']],
    ['descending', {}, { 'data.name': -1, createdSeq: -1 }, ['1', '3', '2']],
    ['missing sorts first', {}, { 'data.n': 1, createdSeq: 1 }, ['3', '2', '1']],
    ['equality through arrays', { 'data.tags': { $eq: 'x' } }, { createdSeq: 1 }, ['1', '3']],
    ['$in with null matches missing', { 'data.tags': { $in: [null] } }, { createdSeq: 1 }, ['2']],
    ['case-insensitive regex', { 'data.name': { $regex: '^A', $options: 'i' } }, { createdSeq: 1 }, ['2', '3']],
    ['$and of ranges', { $and: [{ 'data.n': { $gte: 1 } }, { 'data.n': { $lt: 2 } }] }, { createdSeq: 1 }, ['2']],
    ['$exists false on an array index', { 'data.tags.0': { $exists: false } }, { createdSeq: 1 }, ['2']],
  ])('%s', (_name, where, sort, ids) => {
    const { page, total } = runQuery(docs, { where, sort }, 0, undefined);
    expect(page.map((doc) => doc._id)).toEqual(ids);
    expect(total).toBe(ids.length);
  });

  it('pages after ordering', () => {
    const { page, total } = runQuery(docs, { where: {}, sort: { createdSeq: -1 } }, 1, 1);
    expect(page.map((doc) => doc._id)).toEqual(['2']);
    expect(total).toBe(3);
  });
});
