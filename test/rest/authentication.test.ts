import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

const UNAUTHORIZED = { code: 401, message: 'Unauthorized' };

describe('REST authentication and GET /api/auth-context', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let userKey: string;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    const created = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Category reader',
      rules: [
        { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } },
        { contentTypeDefinitionName: 'article', canRead: false, canCreate: true, canUpdate: true, canDelete: false, fields: { sections: { update: false } } },
      ],
    });
    userKey = created.secret;
  });
  afterAll(async () => t.close());

  it.each([
    ['no key at all', {}],
    ['an empty header', { 'x-auth-token': '' }],
    ['a malformed key', { 'x-auth-token': 'not-a-key' }],
  ])('refuses %s with 401 and Flotiq body', async (_name, headers) => {
    for (const url of ['/api/v1/content/category', '/api/v1/internal/contenttype', '/api/auth-context', '/api/v1/content/nope/x']) {
      const response = await call(t.app, 'GET', url, { headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(UNAUTHORIZED);
    }
  });

  it('refuses an unknown but well-formed key (a key of a throw-away account, after the account keys changed)', async () => {
    const other = await t.createAccount('Other');
    const keyService = await t.gateway.keyService(other.accountId);
    const rwKey = (await keyService.list()).find((key) => key.kind === 'rw')!;
    await keyService.regenerate(rwKey.id);
    const response = await call(t.app, 'GET', '/api/v1/content/category', { key: other.rw });
    expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it('refuses writes without a key before reading the body', async () => {
    const response = await call(t.app, 'POST', '/api/v1/content/category', { body: { name: 'x' } });
    expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it.each(['X-AUTH-TOKEN', 'x-auth-token', 'X-Auth-Token'])('accepts the key in the %s header', async (header) => {
    const response = await call(t.app, 'GET', '/api/v1/content/category', { headers: { [header]: keys.ro } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ total_count: 0, total_pages: 0, current_page: 1, count: 0, data: [] });
  });

  it('accepts the key as ?auth_token=', async () => {
    const response = await call(t.app, 'GET', `/api/v1/content/category?auth_token=${encodeURIComponent(keys.ro)}`);
    expect(response.status).toBe(200);
    const unknown = await call(t.app, 'GET', '/api/v1/content/category?auth_token=nope');
    expect(unknown).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it('every response carries cache-control: no-store', async () => {
    expect((await call(t.app, 'GET', '/api/auth-context', { key: keys.ro })).headers['cache-control']).toBe('no-store');
    expect((await call(t.app, 'GET', '/api/auth-context')).headers['cache-control']).toBe('no-store');
  });

  it('describes the RW application key', async () => {
    const { status, body } = await call(t.app, 'GET', '/api/auth-context', { key: keys.rw });
    expect(status).toBe(200);
    expect(body).toMatchObject({ accountId: keys.accountId, keyKind: 'rw', keyName: 'Read and write API KEY', canManageSchema: true });
    const names = body.rights.map((r: { contentType: string }) => r.contentType);
    expect(names).toEqual(expect.arrayContaining(['_media', '_tag', 'article', 'author', 'category']));
    for (const right of body.rights) {
      expect(right).toMatchObject({ canRead: true, canCreate: true, canUpdate: true, canDelete: true, deniedFields: { read: [], create: [], update: [] } });
    }
  });

  it('describes the RO application key', async () => {
    const { status, body } = await call(t.app, 'GET', '/api/auth-context', { key: keys.ro });
    expect(status).toBe(200);
    expect(body).toMatchObject({ accountId: keys.accountId, keyKind: 'ro', keyName: 'Read only API KEY', canManageSchema: false });
    expect(body.rights.find((r: { contentType: string }) => r.contentType === 'category')).toEqual({
      contentType: 'category',
      canRead: true,
      canCreate: false,
      canUpdate: false,
      canDelete: false,
      deniedFields: { read: [], create: [], update: [] },
    });
  });

  it('describes a user-defined key: only the types it reaches, with its denied fields', async () => {
    const { status, body } = await call(t.app, 'GET', '/api/auth-context', { key: userKey });
    expect(status).toBe(200);
    expect(body).toEqual({
      accountId: keys.accountId,
      keyKind: 'user',
      keyName: 'Category reader',
      canManageSchema: false,
      rights: [
        {
          contentType: 'article',
          canRead: false,
          canCreate: true,
          canUpdate: true,
          canDelete: false,
          deniedFields: { read: [], create: [], update: ['sections'] },
        },
        {
          contentType: 'category',
          canRead: true,
          canCreate: false,
          canUpdate: false,
          canDelete: false,
          // `secret` is denied for read and the key has no other right on it: it is never named.
          deniedFields: { read: [], create: [], update: [] },
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(userKey);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
