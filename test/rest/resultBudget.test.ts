import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, ref, relation, text } from './restKit';

/** One request's answer holds at most MAX_RESULT_OBJECTS objects, over REST hydration and GraphQL relations alike. */
describe('result budget (MAX_RESULT_OBJECTS)', () => {
  let t: TestGateway;
  let rw: string;
  const ITEMS = 30;
  const RELATED = 20;

  beforeAll(async () => {
    // 30 items with 20 relations each: a page of 30 hydrated holds 30 + 600 objects, a page of 10 holds 210.
    t = await startTestGateway({ env: { MAX_RESULT_OBJECTS: '500' } });
    ({ rw } = await t.createAccount('Budget'));
    const created = await call(t.app, 'POST', '/api/v1/internal/contenttype', {
      key: rw,
      body: contentType('item', 'Item', { title: text('Title'), related: relation('Related', 'item') }),
    });
    expect(created.status).toBe(200);
    const plain = Array.from({ length: ITEMS }, (_, i) => ({ id: `item-${i}`, title: `item ${i}` }));
    expect((await call(t.app, 'POST', '/api/v1/content/item/batch', { key: rw, body: plain })).status).toBe(200);
    const linked = plain.map((item, i) => ({ ...item, related: Array.from({ length: RELATED }, (_, j) => ref('item', `item-${(i + j + 1) % ITEMS}`)) }));
    expect((await call(t.app, 'POST', '/api/v1/content/item/batch?updateExisting=true', { key: rw, body: linked })).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('REST: a hydrated page under the budget is answered; over it, 400 RESULT_TOO_LARGE naming no limit', async () => {
    const small = await call(t.app, 'GET', '/api/v1/content/item?limit=10&hydrate=1', { key: rw });
    expect(small.status).toBe(200);
    expect(small.body.data).toHaveLength(10);
    expect(small.body.data[0].related[0]).toHaveProperty('title');
    const large = await call(t.app, 'GET', '/api/v1/content/item?limit=30&hydrate=1', { key: rw });
    expect(large.status).toBe(400);
    expect(large.body).toEqual({ code: 400, message: expect.stringContaining('too many objects') });
    expect(large.text).not.toContain('500');
    // Without hydration the same page is small.
    expect((await call(t.app, 'GET', '/api/v1/content/item?limit=30', { key: rw })).status).toBe(200);
  });

  it('GraphQL: relations under the budget resolve; over it, one RESULT_TOO_LARGE error and no data', async () => {
    const query = (limit: number) => ({ query: `{ itemList(limit: ${limit}) { id related { id title } } }` });
    const small = await call(t.app, 'POST', '/graphql', { key: rw, body: query(10) });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.itemList).toHaveLength(10);
    expect(small.body.data.itemList[0].related).toHaveLength(RELATED);
    const large = await call(t.app, 'POST', '/graphql', { key: rw, body: query(30) });
    expect(large.body.data).toBeUndefined();
    expect(large.body.errors).toEqual([{ message: expect.stringContaining('too many objects'), extensions: { code: 'RESULT_TOO_LARGE' } }]);
  });
});
