import { performance } from 'node:perf_hooks';
import { fixtureContentType } from '../../support/fixtures';
import { openPeerInstance, type PeerInstance } from '../../support/peerInstance';
import { startTestGateway, type TestGateway } from '../../support/testGateway';
import type { KeyService } from '../../../src/keys/keyService';

const TTL_MS = 800;
const readCategories = [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false }];

/** Resolves `secret` on `peer` every 20 ms until it is refused; returns when (performance.now()). */
async function refusedAt(peer: PeerInstance, secret: string, giveUpAfterMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await peer.keys.resolve(secret)) === undefined) return performance.now();
    if (performance.now() - started > giveUpAfterMs) throw new Error(`still accepted after ${giveUpAfterMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('key cache bounds on another instance', () => {
  let t: TestGateway;
  let keys: KeyService;
  let peer: PeerInstance;

  beforeAll(async () => {
    t = await startTestGateway();
    const { accountId } = await t.createAccount('Key cache bounds', 'pro');
    await t.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    keys = await t.gateway.keyService(accountId);
    peer = await openPeerInstance(t.database.connection.name, t.gateway.keyCrypto, { keys: { ttlMs: TTL_MS } });
    await peer.feed.poll();
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  it('a removed key whose change mark was lost stops working there once its entry expires', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'lost mark', rules: readCategories });
    const cachedAt = performance.now();
    expect((await peer.keys.resolve(secret))?.keyId).toBe(key.id);

    await keys.remove(key.id);
    // The mark is lost before the other instance polls.
    await peer.database.connection.collection('change_marks').deleteOne({ _id: `key:${key.id}` as never });
    await peer.feed.poll();
    expect(peer.notifications).not.toContain(`key:${key.id}`);

    const refused = await refusedAt(peer, secret, TTL_MS + 2000);
    // Served from the cache (use does not renew it) until the TTL, refused right after it.
    expect(refused - cachedAt).toBeGreaterThanOrEqual(TTL_MS);
    expect(refused - cachedAt).toBeLessThan(TTL_MS + 500);
  });
});
