import { fixtureContentType } from '../support/fixtures';
import { recordObjectReads, type ObjectRead } from '../support/objectReads';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

describe('relations resolve through per-request DataLoaders', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reads: ObjectRead[] = [];

  beforeAll(async () => {
    // The database path: no copies of types and no cached answers (they would answer from memory).
    t = await startTestGateway({ monitorCommands: true, env: { TYPE_VIEWS_MB: '0', RESPONSE_CACHE_MB: '0' } });
    reads = recordObjectReads(t.database);
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('everything'));
    for (let i = 0; i < 100; i++) {
      const n = String(i).padStart(3, '0');
      await content.objects.create('category', { id: `cat-${n}`, name: `Category ${n}` });
      await content.objects.create('everything', {
        id: `e-${n}`,
        title: `Everything ${n}`,
        categories: [{ dataUrl: `/api/v1/content/category/cat-${n}`, type: 'internal' }],
      });
    }
  }, 120_000); // 200 creates one by one: ~10 s alone, up to 35 s on a loaded 2-core machine
  afterAll(async () => t.close());

  it('a list of 100 objects related to 100 different objects costs one query and one read by id per related object', async () => {
    const query = '{ everythingList(limit: 100, order_by: "id") { id categories { id name } } }';
    const warm = await graphql(t.app, keys.ro, query); // resolves the key and builds the schema
    expect(warm.body.errors).toBeUndefined();
    reads.length = 0;
    const { body } = await graphql(t.app, keys.ro, query);
    const list = body.data?.everythingList as { id: string; categories: { id: string; name: string }[] }[];
    expect(list).toHaveLength(100);
    expect(list[42]).toEqual({ id: 'e-042', categories: [{ id: 'cat-042', name: 'Category 042' }] });
    expect(reads.filter((read) => read.kind === 'query')).toEqual([{ type: 'everything', kind: 'query' }]);
    // Batched by the DataLoader: one `$in` on the shared collection, one `_id` read per category per type.
    const expected: ObjectRead[] =
      t.database.layout === 'sharedCollection' ? [{ type: 'category', kind: 'ids' }] : Array(100).fill({ type: 'category', kind: 'point' });
    expect(reads.filter((read) => read.kind !== 'query')).toEqual(expected);
  });
});
