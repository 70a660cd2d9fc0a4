import { fixtureContentType } from '../../support/fixtures';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

describe('an instance and its own changes', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  beforeAll(async () => {
    t = await startTestGateway(); // its feed polls every 200 ms
    keys = await t.createAccount();
  });
  afterAll(async () => t.close());

  it('a CTD change drops the account schema once: the poll does not bring the change back', async () => {
    const topics: string[] = [];
    t.gateway.feed.subscribe((topic) => topics.push(topic));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/internal/contenttype',
      headers: { 'x-auth-token': keys.rw, 'content-type': 'application/json' },
      payload: JSON.stringify(fixtureContentType('category')),
    });
    expect(created.statusCode).toBe(200);
    const built = await t.gateway.graphql.get(keys.accountId);
    await new Promise((r) => setTimeout(r, 700)); // several polls
    await t.gateway.feed.poll();
    expect(topics).toEqual([`schema:${keys.accountId}`]);
    expect(await t.gateway.graphql.get(keys.accountId)).toBe(built); // not built a second time
  });
});
