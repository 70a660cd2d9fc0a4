import { corsOriginAllowed } from '../../src/http/cors';
import { startTestGateway, type TestGateway } from '../support/testGateway';

describe('CORS for browser frontends', () => {
  it.each([
    [undefined, ['https://app.example'], false],
    ['https://app.example', [], false],
    ['https://app.example', ['https://app.example'], true],
    ['https://evil.example', ['https://app.example'], false],
    ['https://any.example', ['*'], true],
  ])('origin %s with allowlist %j → %s', (origin, allowlist, expected) => {
    expect(corsOriginAllowed(origin, allowlist)).toBe(expected);
  });

  describe('over HTTP', () => {
    let t: TestGateway;
    let key: string;
    beforeAll(async () => {
      t = await startTestGateway();
      (t.gateway.config as { corsOrigins: string[] }).corsOrigins.push('https://app.example');
      key = (await t.createAccount()).ro;
    });
    afterAll(async () => t.close());

    it('answers a preflight from an allowed origin with the allowed methods and headers', async () => {
      const response = await t.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-auth-token' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(response.headers['access-control-allow-headers']).toContain('x-auth-token');
    });

    it('gives other origins no CORS headers', async () => {
      const response = await t.app.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.app.inject({ method: 'GET', url: '/api/v1/content/_tag', headers: { origin: 'https://evil.example', 'x-auth-token': key } });
      expect(get.statusCode).toBe(200);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('marks responses to an allowed origin', async () => {
      const get = await t.app.inject({ method: 'GET', url: '/api/v1/content/_tag', headers: { origin: 'https://app.example', 'x-auth-token': key } });
      expect(get.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(get.headers.vary).toContain('Origin');
    });
  });
});
