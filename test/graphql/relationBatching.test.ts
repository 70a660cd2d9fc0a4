import { fixtureContentType } from '../support/fixtures';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

describe('relations resolve through per-request DataLoaders', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const commands: string[] = [];

  beforeAll(async () => {
    t = await startTestGateway({ monitorCommands: true });
    // Every command but the change feed's background poll (not part of any request).
    t.database.connection.getClient().on('commandStarted', (event) => {
      const collection = event.command[event.commandName];
      if (collection !== 'change_marks') commands.push(`${event.commandName} ${String(collection)}`);
    });
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
  });
  afterAll(async () => t.close());

  it('a list of 100 objects related to 100 different objects costs 2 database queries', async () => {
    const query = '{ everythingList(limit: 100, order_by: "id") { id categories { id name } } }';
    const warm = await graphql(t.app, keys.ro, query); // resolves the key and builds the schema
    expect(warm.body.errors).toBeUndefined();
    commands.length = 0;
    const { body } = await graphql(t.app, keys.ro, query);
    const list = body.data?.everythingList as { id: string; categories: { id: string; name: string }[] }[];
    expect(list).toHaveLength(100);
    expect(list[42]).toEqual({ id: 'e-042', categories: [{ id: 'cat-042', name: 'Category 042' }] });
    expect(commands).toEqual(['find content_objects', 'find content_objects']);
  });
});
