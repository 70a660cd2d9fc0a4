import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { Database } from '../../src/database/database';
import { buildServer } from '../../src/http/buildServer';
import { createLogger } from '../../src/logging/logger';
import { Gateway } from '../../src/runtime/gateway';
import { startInternal, TEST_ADMIN_TOKEN } from '../support/internalClient';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, text } from './restKit';

/** Operations over HTTP: health, request ids, masked 500s, metrics, and keys kept out of the logs. */
describe('operations endpoints', () => {
  let t: TestGateway;
  let rw: string;

  beforeAll(async () => {
    t = await startTestGateway();
    ({ rw } = await t.createAccount('Operations'));
    expect((await call(t.app, 'POST', '/api/v1/internal/contenttype', { key: rw, body: contentType('note', 'Note', { title: text('Title') }) })).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('liveness, readiness and /health answer 200 on a ready instance', async () => {
    expect(await call(t.app, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call(t.app, 'GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await call(t.app, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
  });

  it('every answer names its request: a fresh id, or the caller’s when it is a plain token', async () => {
    const fresh = await call(t.app, 'GET', '/health/live');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(t.app, 'GET', '/health/live', { headers: { 'x-request-id': 'proxy-42.a' } })).headers['x-request-id']).toBe('proxy-42.a');
    const forged = await call(t.app, 'GET', '/health/live', { headers: { 'x-request-id': 'a\nfake log line' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a masked 500 carries the request id in its body, and the log has the cause under that id', async () => {
    const lines: string[] = [];
    const app = await buildServer(t.gateway, createLogger('info', capture(lines)));
    app.get('/boom', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
    const response = await call(app, 'GET', '/boom');
    await app.close();
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ code: 500, message: 'Internal server error', requestId: response.headers['x-request-id'] });
    expect(response.text).not.toContain('secret internal detail');
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected error');
    expect(logged).toMatchObject({ reqId: response.headers['x-request-id'], err: { message: 'secret internal detail' } });
  });

  it('a masked GraphQL 500 names the request in extensions.requestId, and the log has the cause under that id', async () => {
    const lines: string[] = [];
    const app = await buildServer(t.gateway, createLogger('info', capture(lines)));
    await app.ready();
    // A fault in the data layer: every service method of the account's content throws an unexpected error.
    const failing: object = new Proxy(() => undefined, {
      get: (_target, property) => (property === 'then' ? undefined : failing),
      apply: () => Promise.reject(new Error('secret internal detail')),
    });
    const content = jest.spyOn(t.gateway, 'content').mockReturnValue(failing as never);
    try {
      const response = await call(app, 'POST', '/graphql', { key: rw, body: { query: '{ noteList(limit: 3) { id } }' } });
      const requestId = response.headers['x-request-id'];
      expect(response.body.errors).toEqual([
        expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
      ]);
      expect(response.text).not.toContain('secret internal detail');
      const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected GraphQL error');
      expect(logged).toMatchObject({ reqId: requestId, err: { message: 'secret internal detail' } });
    } finally {
      content.mockRestore();
      await app.close();
    }
  });

  it('API keys never reach the log: headers and auth_token values in logged URLs are redacted', async () => {
    const lines: string[] = [];
    const logger = createLogger('trace', capture(lines));
    const app = await buildServer(t.gateway, logger);
    await app.ready();
    expect((await call(app, 'GET', '/api/v1/content/note', { key: rw })).status).toBe(200);
    expect((await call(app, 'GET', `/api/v1/content/note?limit=1&auth_token=${rw}`)).status).toBe(200);
    expect((await call(app, 'GET', `/api/v1/content/note?auth_token=${rw}x`)).status).toBe(401);
    logger.info({ req: { headers: { 'x-auth-token': rw, authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, url: `/x?auth_token=${rw}` } }, 'a request logged whole');
    await app.close();
    const output = lines.join('\n');
    expect(lines.length).toBeGreaterThan(6);
    expect(output).toContain('/api/v1/content/note?limit=1&auth_token=[Redacted]');
    expect(output).toContain('"x-auth-token":"[Redacted]"');
    expect(output).not.toContain(rw);
    expect(output).not.toContain(rw.slice(6));
    expect(output).not.toContain(TEST_ADMIN_TOKEN);
  });

  it('metrics on the internal listener (admin token): requests, latency, denials and cache lookups', async () => {
    const internal = await startInternal(t.gateway);
    expect((await internal.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    await call(t.app, 'GET', '/api/v1/content/note', { key: rw });
    await call(t.app, 'GET', '/api/v1/content/note', { key: rw });
    await call(t.app, 'GET', '/api/v1/content/note', { key: 'cg_rw_notAKey' });
    const forbidden = await call(t.app, 'POST', '/graphql', { key: rw, body: { query: '{ noteList { id } }' } });
    expect(forbidden.status).toBe(200);
    const scrape = await internal.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    await internal.close();
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['content-type']).toContain('text/plain');
    const metrics = scrape.body;
    expect(value(metrics, 'contentgate_http_requests_total{listener="public",method="GET",route="/api/v1/content/:name",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(value(metrics, 'contentgate_http_request_duration_seconds_count{listener="public",method="GET",route="/api/v1/content/:name",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(value(metrics, 'contentgate_access_denials_total{surface="rest",reason="unauthenticated"}')).toBeGreaterThanOrEqual(1);
    expect(value(metrics, 'contentgate_cache_lookups_total{cache="responses",result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(value(metrics, 'contentgate_cache_lookups_total{cache="responses",result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(value(metrics, 'contentgate_ready')).toBe(1);
    expect(metrics).not.toContain(rw);
  });

  it('GraphQL names outside the key\'s schema count as denials (not_in_schema)', async () => {
    const { secret } = await (await t.gateway.keyService((await t.gateway.database.models.accounts.findOne({ name: 'Operations' }).lean().exec())!._id)).createUserKey({
      name: 'reads nothing',
      rules: [{ contentTypeDefinitionName: 'note', canRead: false, canCreate: true, canUpdate: false, canDelete: false }],
    });
    const metric = 'contentgate_access_denials_total{surface="graphql",reason="not_in_schema"}';
    const before = value((await t.gateway.metrics.scrape()).body, metric) ?? 0;
    const answer = await call(t.app, 'POST', '/graphql', { key: secret, body: { query: '{ noteList { id } }' } });
    expect(JSON.stringify(answer.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(value((await t.gateway.metrics.scrape()).body, metric)).toBe(before + 1);
  });
});

describe('an instance whose database was never opened', () => {
  it('is live, not ready, and answers 503 at once to everything else', async () => {
    const database = Database.create('cgtest_never_opened');
    const gateway = new Gateway(loadConfig({}), database);
    const app = await buildServer(gateway);
    await app.ready();
    expect(await call(app, 'GET', '/health/live')).toMatchObject({ status: 200 });
    expect(await call(app, 'GET', '/health/ready')).toMatchObject({ status: 503, body: { status: 'not ready', reason: 'starting' } });
    expect(await call(app, 'GET', '/health')).toMatchObject({ status: 503, body: { database: 'down' } });
    expect(await call(app, 'GET', '/api/v1/content/note', { key: 'cg_rw_x' })).toMatchObject({ status: 503, body: { code: 503, message: 'Service temporarily unavailable' } });
    expect(await call(app, 'POST', '/graphql', { key: 'cg_rw_x', body: { query: '{ a }' } })).toMatchObject({ status: 503 });
    gateway.beginShutdown();
    expect(await call(app, 'GET', '/health/ready')).toMatchObject({ status: 503, body: { reason: 'shutting down' } });
    await app.close();
    await gateway.stop();
    await database.close();
  });
});

/** A stream that collects each written log line. */
function capture(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
}

/** The value of one sample in a Prometheus exposition, or undefined when absent. */
function value(exposition: string, sample: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
