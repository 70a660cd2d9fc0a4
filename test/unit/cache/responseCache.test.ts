import { matchesEntityTag, ResponseCache } from '../../../src/cache/responseCache';

describe('ResponseCache', () => {
  it('lets concurrent misses of one key wait for the first computation', async () => {
    const cache = new ResponseCache(1);
    const done = cache.claim('k');
    const waiting = cache.getOrAwait('k');
    cache.set('k', '{"a":1}', 'application/json');
    done();
    await expect(waiting).resolves.toMatchObject({ body: '{"a":1}' });
  });

  it('gives waiters nothing when the first computation stored nothing (they compute themselves)', async () => {
    const cache = new ResponseCache(1);
    const done = cache.claim('k');
    const waiting = cache.getOrAwait('k');
    done();
    await expect(waiting).resolves.toBeUndefined();
    await expect(cache.getOrAwait('other')).resolves.toBeUndefined();
  });

  it('stores nothing when turned off', () => {
    const cache = new ResponseCache(0);
    expect(cache.enabled).toBe(false);
    cache.set('k', 'x', 'text/plain');
    expect(cache.get('k')).toBeUndefined();
  });

  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abd"', '"abc"', false],
    [undefined, '"abc"', false],
  ])('If-None-Match %j against %s → %s', (header, etag, matches) => {
    expect(matchesEntityTag(header, etag)).toBe(matches);
  });
});
