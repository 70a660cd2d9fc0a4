import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

const UNSUPPORTED = { code: 415, message: 'Unsupported Media Type' };
const NOT_ALLOWED = { code: 405, message: 'Method Not Allowed' };

describe('REST transport rules: media types, body limits, methods', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('author', { id: 'a-1', name: 'A' });
  });
  afterAll(async () => t.close());

  const writes: [string, string][] = [
    ['POST', '/api/v1/content/author'],
    ['PUT', '/api/v1/content/author/a-1'],
    ['PATCH', '/api/v1/content/author/a-1'],
    ['POST', '/api/v1/content/author/batch'],
    ['PATCH', '/api/v1/content/author/batch'],
    ['POST', '/api/v1/content/author/batch-delete'],
    ['POST', '/api/v1/internal/contenttype'],
    ['PUT', '/api/v1/internal/contenttype/author'],
  ];

  it.each(writes)('%s %s with a non-JSON Content-Type is 415 (fastify FST_ERR_CTP_INVALID_MEDIA_TYPE → Flotiq body)', async (method, url) => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const response = await call(t.app, method, url, { key: keys.rw, headers: { 'content-type': type }, body: '{"name":"x"}' });
      expect(response).toMatchObject({ status: 415, body: UNSUPPORTED });
    }
  });

  it.each(writes)('%s %s without a Content-Type is 415, with or without a body', async (method, url) => {
    const withBody = await t.app.inject({ method: method as 'POST', url, headers: { 'x-auth-token': keys.rw }, payload: Buffer.from('{"name":"x"}') });
    expect(withBody.statusCode).toBe(415);
    expect(withBody.json()).toEqual(UNSUPPORTED);
    const withoutBody = await t.app.inject({ method: method as 'POST', url, headers: { 'x-auth-token': keys.rw } });
    expect(withoutBody.statusCode).toBe(415);
    expect(withoutBody.json()).toEqual(UNSUPPORTED);
  });

  it('accepts application/json with a charset', async () => {
    const response = await call(t.app, 'POST', '/api/v1/content/author', {
      key: keys.rw,
      body: { name: 'Charset' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.status).toBe(200);
  });

  it('answers 400 for malformed JSON and refuses __proto__ keys naming them', async () => {
    const malformed = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: '{"name":' });
    expect(malformed).toMatchObject({ status: 400, body: { body: ['Malformed JSON body - Syntax error'] } });
    const proto = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: '{"name":"p","__proto__":{"polluted":true}}' });
    expect(proto.status).toBe(400);
    expect(JSON.stringify(proto.body)).toBe('{"__proto__":["Property name __proto__ not allowed"]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 5 MB body with 413 before parsing it', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    for (const [method, url] of [
      ['POST', '/api/v1/content/author'],
      ['PUT', '/api/v1/content/author/a-1'],
      ['POST', '/api/v1/content/author/batch'],
    ]) {
      const response = await call(t.app, method, url, { key: keys.rw, body: huge });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ code: 413, message: 'Request body too large' });
    }
  });

  it('refuses a single-object body over 1.1 MB with 413, and an object just over 1 MB with Flotiq message', async () => {
    const over = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { name: 'x'.repeat(1.2 * 1024 * 1024) } });
    expect(over).toMatchObject({ status: 413, body: { code: 413, message: 'Request body too large' } });
    const justOver = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'big', name: 'x'.repeat(1024 * 1024 + 10) } });
    expect(justOver.status).toBe(413);
    expect(justOver.body.message).toMatch(/^Content Object size limit exceeded by an object with ID: big\. Requested size 1 MB, limit: 1 MB\)$/);
  });

  it.each([
    ['POST', '/api/v1/content/author/a-1', 'GET, HEAD, PUT, PATCH, DELETE'],
    ['PUT', '/api/v1/content/author', 'GET, HEAD, POST'],
    ['DELETE', '/api/v1/content/author', 'GET, HEAD, POST'],
    ['OPTIONS', '/api/v1/content/author', 'GET, HEAD, POST'],
    ['PATCH', '/api/v1/internal/contenttype', 'GET, HEAD, POST'],
    ['PATCH', '/api/v1/internal/contenttype/author', 'GET, HEAD, PUT, DELETE'],
    ['GET', '/api/v1/internal/contenttype/author/purge', 'POST'],
    ['POST', '/api/auth-context', 'GET, HEAD'],
    ['DELETE', '/api/auth-context', 'GET, HEAD'],
  ])('%s %s is 405 with Allow: %s, before authentication', async (method, url, allow) => {
    for (const key of [keys.rw, undefined]) {
      const response = await call(t.app, method, url, { key, headers: { 'content-type': 'text/plain' } });
      expect(response.status).toBe(405);
      expect(response.body).toEqual(NOT_ALLOWED);
      expect(response.headers.allow).toBe(allow);
    }
  });

  it('keeps GET on an object whose id is a static segment name', async () => {
    await t.gateway.content(keys.accountId).objects.create('author', { id: 'batch', name: 'Called batch' });
    const response = await call(t.app, 'GET', '/api/v1/content/author/batch', { key: keys.ro });
    expect(response).toMatchObject({ status: 200, body: { id: 'batch', name: 'Called batch' } });
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await t.app.inject({ method: 'HEAD', url: '/api/v1/content/author/a-1', headers: { 'x-auth-token': keys.ro } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    const anonymous = await t.app.inject({ method: 'HEAD', url: '/api/v1/content/author/a-1' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for unknown paths', async () => {
    expect(await call(t.app, 'GET', '/api/v1/content', { key: keys.rw })).toMatchObject({ status: 404, body: { code: 404, message: 'Not found' } });
    expect(await call(t.app, 'GET', '/api/v1/content/author/a-1/extra', { key: keys.rw })).toMatchObject({ status: 404 });
  });
});
