import { performance } from 'node:perf_hooks';
import { fixtureContentType } from '../../support/fixtures';
import { openPeerInstance, type PeerInstance } from '../../support/peerInstance';
import { testMongoUri } from '../../support/testDatabase';
import { startTestGateway, type TestGateway } from '../../support/testGateway';
import type { KeyService } from '../../../src/keys/keyService';
import { ALL_TOPICS } from '../../../src/runtime/changeFeed';

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
  const peers: PeerInstance[] = [];
  const peer = async (options: Parameters<typeof openPeerInstance>[2]) => {
    const opened = await openPeerInstance(t.database.connection.name, t.gateway.keyCrypto, options);
    peers.push(opened);
    await opened.feed.poll();
    return opened;
  };
  const apiKeys = () => t.database.connection.collection('api_keys');
  const changeMarks = () => t.database.connection.collection('change_marks');

  beforeAll(async () => {
    t = await startTestGateway();
    const { accountId } = await t.createAccount('Key cache bounds', 'pro');
    await t.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    keys = await t.gateway.keyService(accountId);
  });
  afterAll(async () => {
    for (const opened of peers) await opened.close().catch(() => undefined);
    await t.close();
  });

  it('a key removed without its change reaching the feed stops working there once its entry expires', async () => {
    const other = await peer({ keys: { ttlMs: TTL_MS } });
    const { key, secret } = await keys.createUserKey({ name: 'lost change', rules: readCategories });
    const cachedAt = performance.now();
    expect((await other.keys.resolve(secret))?.keyId).toBe(key.id);

    // As when every write of the publish was lost: the key is gone, the feed says nothing.
    await apiKeys().deleteOne({ _id: key.id as never });
    await other.feed.poll();
    expect(other.notifications).toEqual([]);

    const refused = await refusedAt(other, secret, TTL_MS + 2000);
    // Served from the cache (use does not renew it) until the TTL, refused right after it.
    expect(refused - cachedAt).toBeGreaterThanOrEqual(TTL_MS);
    expect(refused - cachedAt).toBeLessThan(TTL_MS + 500);
  });

  it('a removed key whose feed entry was deleted before the other instance read it: dropped at the head check', async () => {
    const other = await peer({ feed: { headCheckIntervalMs: 300 } }); // the default TTL (30 s)
    const { key, secret } = await keys.createUserKey({ name: 'lost entry', rules: readCategories });
    expect((await other.keys.resolve(secret))?.keyId).toBe(key.id);

    const removedAt = performance.now();
    await keys.remove(key.id);
    const head = await changeMarks().findOne({ _id: 'feed-head' as never });
    await changeMarks().deleteOne({ _id: `feed:${head?.seq}` as never });
    let refused: number | undefined;
    while (refused === undefined && performance.now() - removedAt < 3000) {
      await other.feed.poll();
      if ((await other.keys.resolve(secret)) === undefined) refused = performance.now();
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(other.notifications).toEqual([ALL_TOPICS]); // the whole cache: the key's own topic never arrived
    expect(refused! - removedAt).toBeLessThan(1000);
  });

  it('a failed poll drops the whole cache', async () => {
    const other = await peer({}); // the default TTL (30 s)
    const { key, secret } = await keys.createUserKey({ name: 'failed poll', rules: readCategories });
    expect((await other.keys.resolve(secret))?.keyId).toBe(key.id);
    await apiKeys().deleteOne({ _id: key.id as never }); // no feed entry: only a gap can drop it
    expect((await other.keys.resolve(secret))?.keyId).toBe(key.id);

    await other.database.connection.close();
    await other.feed.poll();
    await other.database.connection.openUri(testMongoUri(), { dbName: t.database.connection.name });
    expect(await other.keys.resolve(secret)).toBeUndefined();
  });
});
