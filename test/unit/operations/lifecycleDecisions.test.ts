import { decideAboutLock } from '../../../src/database/embedded/lockDecision';
import { denialOf } from '../../../src/http/denials';
import { censor, redactUrl } from '../../../src/logging/redaction';
import { decideReadiness } from '../../../src/runtime/readiness';
import { backoffDelayMs } from '../../../src/utils/backoff';

describe('redactUrl: auth_token values never reach a log', () => {
  it.each([
    ['/api/v1/content/blog', '/api/v1/content/blog'],
    ['/api/v1/content/blog?limit=1', '/api/v1/content/blog?limit=1'],
    ['/api/v1/content/blog?auth_token=cg_rw_x', '/api/v1/content/blog?auth_token=[Redacted]'],
    ['/graphql?query=%7B%7D&auth_token=cg_ro_x&page=2', '/graphql?query=%7B%7D&auth_token=[Redacted]&page=2'],
    ['/x?AUTH_TOKEN=cg_ro_x', '/x?AUTH_TOKEN=[Redacted]'],
    ['/x?auth%5Ftoken=cg_ro_x', '/x?auth%5Ftoken=[Redacted]'],
    ['/x?auth_token=a&auth_token=b', '/x?auth_token=[Redacted]&auth_token=[Redacted]'],
    ['/x?auth_token', '/x?auth_token=[Redacted]'],
    ['/x?not_auth_token=1', '/x?not_auth_token=1'],
  ])('%s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('the censor keeps URLs readable and replaces every other secret whole', () => {
    expect(censor('/x?auth_token=k', ['req', 'url'])).toBe('/x?auth_token=[Redacted]');
    expect(censor('cg_rw_k', ['req', 'headers', 'x-auth-token'])).toBe('[Redacted]');
    expect(censor(['a', 'b'], ['req', 'url'])).toBe('[Redacted]');
  });
});

describe('decideAboutLock', () => {
  it.each([
    [true, true, 'refuse'],
    [true, false, 'refuse'],
    [false, true, 'stop-orphan'],
    [false, false, 'take-over'],
  ] as const)('owner alive %s, its FerretDB alive %s → %s', (ownerAlive, ferretdbAlive, decision) => {
    expect(decideAboutLock({ ownerAlive, ferretdbAlive })).toBe(decision);
  });
});

describe('decideReadiness', () => {
  it.each([
    [{ prepared: true, shuttingDown: false, databaseAnswers: true }, { ready: true }],
    [{ prepared: true, shuttingDown: false }, { ready: true }],
    [{ prepared: false, shuttingDown: false }, { ready: false, reason: 'starting' }],
    [{ prepared: true, shuttingDown: false, databaseAnswers: false }, { ready: false, reason: 'database unreachable' }],
    [{ prepared: true, shuttingDown: true, databaseAnswers: true }, { ready: false, reason: 'shutting down' }],
    [{ prepared: false, shuttingDown: true }, { ready: false, reason: 'shutting down' }],
  ])('%j → %j', (input, state) => {
    expect(decideReadiness(input)).toEqual(state);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [0, 250],
    [1, 500],
    [2, 1000],
    [4, 4000],
    [5, 5000],
    [50, 5000],
    [-1, 250],
  ])('retry %i waits %i ms', (attempt, delay) => {
    expect(backoffDelayMs(attempt)).toBe(delay);
  });
});

describe('denialOf', () => {
  it.each([
    [401, undefined, 'unauthenticated'],
    [403, undefined, 'forbidden'],
    [200, undefined, undefined],
    [404, undefined, undefined],
    [200, '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}],"data":null}', 'forbidden'],
    [200, '{"data":{"a":"{\\"code\\":\\"FORBIDDEN\\"}"}}', undefined],
    [200, '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}}]}', undefined],
    [401, '{"errors":[{"extensions":{"code":"UNAUTHENTICATED"}}]}', 'unauthenticated'],
    [400, '{"errors":[{"message":"Cannot query field","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}', 'not_in_schema'],
    [400, '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}}]}', undefined],
    [200, '{"errors":[{"message":"x","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}', undefined],
  ] as const)('%i %s → %s', (status, body, denial) => {
    expect(denialOf(status, body)).toBe(denial);
  });
});
