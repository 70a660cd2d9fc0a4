import { DEMO_ACCOUNT_ID, ensureDemoAccount } from '../../../src/runtime/demoAccount';
import { graphql, startTestGateway, type TestGateway } from '../../support/testGateway';

describe('first run: the demo account', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => t.close());

  it('on an empty database creates the demo account from the fixtures, with working keys', async () => {
    const keys = await ensureDemoAccount(t.gateway);
    expect(keys?.rw).toMatch(/^cg_rw_/);
    expect(keys?.ro).toMatch(/^cg_ro_/);
    const { body } = await graphql(t.app, keys!.ro, '{ recipeCount blogpostList(order_by: "id") { id title } }');
    expect(body.data).toEqual({
      recipeCount: 3,
      blogpostList: [
        { id: 'blogpost-1', title: 'Hello There!' },
        { id: 'blogpost-2', title: expect.any(String) },
      ],
    });
  });

  it('later starts print the same keys and import nothing again', async () => {
    const before = await t.database.models.contentObjects.countDocuments({ accountId: DEMO_ACCOUNT_ID }).exec();
    const first = await ensureDemoAccount(t.gateway);
    const second = await ensureDemoAccount(t.gateway);
    expect(second).toEqual(first);
    expect(await t.database.models.contentObjects.countDocuments({ accountId: DEMO_ACCOUNT_ID }).exec()).toBe(before);
  });

  it('a database with other accounts but no demo gets no demo', async () => {
    const other = await startTestGateway();
    try {
      await other.createAccount('Someone');
      expect(await ensureDemoAccount(other.gateway)).toBeUndefined();
      expect(await other.database.models.accounts.countDocuments({ _id: DEMO_ACCOUNT_ID }).exec()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
