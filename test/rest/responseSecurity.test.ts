import { API_RESPONSE_POLICY } from '../../src/http/pageSecurity';
import { generateAdminToken } from '../../src/internal/adminToken';
import { buildInternalServer } from '../../src/internal/buildInternalServer';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { contentType, text } from './restKit';

/**
 * Issue #12: the SDL was served as text/html, so a CTD label with markup ran as script on the API's
 * origin. Every response is of a type browsers do not render, `nosniff`, and under a policy that runs
 * nothing — except the pages, which are HTML under a strict policy of their own (no 'unsafe-inline').
 */
const MARKUP = '<img src=x onerror=alert(document.domain)>';
const NOT_RENDERED = /^(application\/json|application\/graphql-response\+json|text\/plain)(;|$)/;

describe('what browsers may do with our responses', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    await t.gateway.content(keys.accountId).contentTypes.create(contentType('marked', MARKUP, { title: text(MARKUP) }));
  });
  afterAll(async () => t.close());

  it('serves the SDL, with markup from labels in it, as text/plain', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/graphql/schema?auth_token=${keys.rw}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe(API_RESPONSE_POLICY);
  });

  const answer = (name: string, method: string, url: string, headers?: Record<string, string>, payload?: string) => ({ name, method, url, headers, payload });
  const answers = [
    answer('SDL', 'GET', '/api/graphql/schema'),
    answer('SDL without a key', 'GET', '/api/graphql/schema', {}),
    answer('GraphQL POST', 'POST', '/graphql', { 'content-type': 'application/json' }, '{"query":"{ markedCount }"}'),
    answer('GraphQL GET', 'GET', `/graphql?query=${encodeURIComponent('{ markedCount }')}`),
    answer('GraphQL GET asking for HTML with a query', 'GET', `/api/graphql?query=${encodeURIComponent('{ markedCount }')}`, { accept: 'text/html' }),
    answer('GraphQL parse error', 'POST', '/graphql', { 'content-type': 'application/json' }, `{"query":"{ ${MARKUP} }"}`),
    answer('REST list', 'GET', '/api/v1/content/marked'),
    answer('REST CTD', 'GET', '/api/v1/internal/contenttype/marked'),
    answer('REST 404 of an unknown type', 'GET', `/api/v1/content/${encodeURIComponent(MARKUP)}`),
    answer('unknown route', 'GET', `/${encodeURIComponent(MARKUP)}`),
    answer('401', 'GET', '/api/v1/content/marked', { 'x-auth-token': 'nope' }),
    answer('400 malformed JSON', 'POST', '/api/v1/content/marked', { 'content-type': 'application/json' }, `{"title": "${MARKUP}"`),
    answer('415', 'POST', '/api/v1/content/marked', { 'content-type': 'text/html' }, MARKUP),
    answer('OpenAPI', 'GET', '/api/v1/open-api-schema.json'),
    answer('auth-context', 'GET', '/api/auth-context'),
    answer('health', 'GET', '/health'),
  ];

  it.each(answers)('$name: a type browsers do not render, nosniff, the API policy', async ({ method, url, headers, payload }) => {
    const request = { method: method as 'GET', url, headers: headers ?? { 'x-auth-token': keys.rw } };
    const response = await t.app.inject(payload === undefined ? request : { ...request, payload });
    expect([response.statusCode, response.headers['content-type']]).toEqual([response.statusCode, expect.stringMatching(NOT_RENDERED)]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe(API_RESPONSE_POLICY);
  });

  it.each([
    ['/graphql', { accept: 'text/html' }],
    ['/api/graphql', { accept: 'text/html,application/xhtml+xml' }],
    ['/graphiql', {}],
  ])('the page at %s is HTML under a strict policy: scripts and styles by hash only', async (url, headers) => {
    const response = await t.app.inject({ method: 'GET', url, headers });
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'( https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\/_latest\/embeddable-sandbox\.umd\.production\.min\.js)?; style-src 'sha256-/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.body).not.toMatch(/ style="| on[a-z]+="/);
  });

  it('the admin page on the internal listener is HTML under the same kind of policy; its other answers under the API policy', async () => {
    const token = generateAdminToken();
    const internal = await buildInternalServer(t.gateway, token);
    try {
      const page = await internal.inject({ method: 'GET', url: '/admin' });
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(String(page.headers['content-security-policy'])).toMatch(/^default-src 'none'; script-src 'sha256-[^' ]+'; style-src 'sha256-[^' ]+'; connect-src 'self'; img-src data:;/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.body).not.toMatch(/ style="| on[a-z]+="/);
      for (const headers of [{}, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }]) {
        const answer = await internal.inject({ method: 'POST', url: '/internal/graphql', headers, payload: '{"query":"{ __typename }"}' });
        expect(answer.headers['content-type']).toMatch(NOT_RENDERED);
        expect(answer.headers['content-security-policy']).toBe(API_RESPONSE_POLICY);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
      }
    } finally {
      await internal.close();
    }
  });
});
