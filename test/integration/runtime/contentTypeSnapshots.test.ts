import { fixtureContentType } from '../../support/fixtures';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

describe('content type snapshots', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'x-auth-token': keys.ro } });

  it('a type created, changed or deleted is seen by the very next REST request', async () => {
    expect((await get('/api/v1/content/category')).statusCode).toBe(404); // snapshot taken without it
    const definition = fixtureContentType('category');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/internal/contenttype',
      headers: { 'x-auth-token': keys.rw, 'content-type': 'application/json' },
      payload: JSON.stringify(definition),
    });
    expect(created.statusCode).toBe(200);
    expect((await get('/api/v1/content/category')).json()).toMatchObject({ total_count: 0 });

    const renamed = { ...definition, label: 'Categories' };
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/internal/contenttype/category',
      headers: { 'x-auth-token': keys.rw, 'content-type': 'application/json' },
      payload: JSON.stringify(renamed),
    });
    expect((await t.gateway.contentTypes.get(keys.accountId)).get('category')?.label).toBe('Categories');

    await t.app.inject({ method: 'DELETE', url: '/api/v1/internal/contenttype/category', headers: { 'x-auth-token': keys.rw } });
    expect((await get('/api/v1/content/category')).statusCode).toBe(404);
  });

  it('serves repeated requests from one load', async () => {
    const first = await t.gateway.contentTypes.get(keys.accountId);
    expect(await t.gateway.contentTypes.get(keys.accountId)).toBe(first);
  });
});
