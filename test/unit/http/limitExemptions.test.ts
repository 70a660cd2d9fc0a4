import { isLimitExempt } from '../../../src/http/quotaPlugin';

describe('requests no quota or rate limit applies to', () => {
  it.each([
    ['OPTIONS', '/api/v1/content/blog', '', false, false, true],
    ['GET', '/health', '', false, false, true],
    ['GET', '/health/ready', '', false, false, true],
    ['GET', '/graphiql', 'text/html', false, false, true],
    ['GET', '/graphql', 'text/html', false, false, true],
    ['GET', '/graphql', 'text/html', true, false, false],
    ['GET', '/graphql', 'application/json', false, false, false],
    ['POST', '/graphql', 'text/html', false, true, false],
    ['GET', '/image/0x0/_media-a.jpg', '', false, false, true],
    ['GET', '/image/300x0/_media-a/photo.jpg', '', false, false, true],
    ['GET', '/image/0x0/_media-a.jpg', '', false, true, false],
    ['GET', '/api/v1/content/blog', '', false, false, false],
    ['GET', '/api/v1/content/blog', '', false, true, false],
    ['GET', '/images/0x0/a.jpg', '', false, false, false],
  ])('%s %s (accept %j, query %s, key %s): exempt %s', (method, path, accept, hasQuery, hasKey, exempt) => {
    expect(isLimitExempt(method, path, accept, hasQuery, hasKey)).toBe(exempt);
  });
});
