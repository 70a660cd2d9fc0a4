import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config/config';
import { keyCryptoFromConfig } from '../../../src/keys/keyCrypto';
import { ALL_TOPICS } from '../../../src/runtime/changeFeed';
import { openPeerInstance, type PeerInstance } from '../../support/peerInstance';
import { testMongoUri } from '../../support/testDatabase';

const crypto = keyCryptoFromConfig(loadConfig({}));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a filter is exactly `{_id: <string>}`, the only one FerretDB's SQLite backend answers without a scan. */
const isIdPointFilter = (filter: unknown) =>
  typeof filter === 'object' && filter !== null && Object.keys(filter).length === 1 && typeof (filter as { _id?: unknown })._id === 'string';

describe('change feed across instances (real database)', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  const open: PeerInstance[] = [];
  const instance = async (options: Parameters<typeof openPeerInstance>[2] = {}) => {
    const peer = await openPeerInstance(databaseName, crypto, options);
    open.push(peer);
    await peer.feed.poll(); // first poll: starts at the end of the log
    peer.notifications.length = 0;
    peer.markCommands.length = 0;
    return peer;
  };
  const topic = (name: string) => `test:${name}:${randomBytes(3).toString('hex')}`;
  const marks = () => open[0].database.connection.collection('change_marks');

  afterAll(async () => {
    await open[0]?.database.drop();
    for (const peer of open) await peer.close().catch(() => undefined);
  });

  it('reads one document by _id per poll while nothing changes, and only by _id after a change', async () => {
    const writer = await instance({ monitorCommands: true });
    const reader = await instance({ monitorCommands: true, feed: { headCheckIntervalMs: 50 } });
    for (let i = 0; i < 5; i++) {
      await reader.feed.poll();
      await sleep(20);
    }
    const quiet = reader.markCommands;
    expect(quiet.map((c) => c.command)).toEqual(expect.arrayContaining(['find']));
    expect(quiet.every((c) => c.command === 'find' && c.filters.every(isIdPointFilter))).toBe(true);
    // One read of the next entry per poll, plus the head now and then.
    const entryReads = quiet.filter((c) => (c.filters[0] as { _id: string })._id !== 'feed-head');
    expect(entryReads).toHaveLength(5);
    expect(quiet.length).toBeGreaterThan(5); // the head was checked too

    const changed = [topic('one'), topic('two')];
    for (const name of changed) await writer.feed.publish(name);
    // Publishing: an insert (the claim) and updates/deletes naming one _id.
    expect(writer.markCommands.map((c) => c.command)).toEqual(expect.arrayContaining(['insert', 'update']));
    expect(writer.markCommands.every((c) => ['find', 'insert', 'update', 'delete'].includes(c.command) && c.filters.every(isIdPointFilter))).toBe(true);

    reader.markCommands.length = 0;
    for (let i = 0; i < 3; i++) await reader.feed.poll();
    expect(reader.notifications).toEqual(changed);
    expect(reader.markCommands.every((c) => c.command === 'find' && c.filters.every(isIdPointFilter))).toBe(true);
  });

  it('notifies a publish once on the publishing instance and once on every other', async () => {
    const writer = await instance({ feed: { pollIntervalMs: 20 } });
    const reader = await instance({ feed: { pollIntervalMs: 20 } });
    writer.feed.start();
    reader.feed.start();
    const changed = topic('once');
    await writer.feed.publish(changed);
    await sleep(500); // many polls on both
    await Promise.all([writer.feed.poll(), reader.feed.poll()]);
    writer.feed.stop();
    reader.feed.stop();
    expect(writer.notifications).toEqual([changed]);
    expect(reader.notifications).toEqual([changed]);
  });

  it('concurrent publishes from two instances reach a third, each topic once', async () => {
    const [a, b] = [await instance(), await instance()];
    const reader = await instance();
    const topics = Array.from({ length: 40 }, (_, i) => topic(`burst${i}`));
    let publishing = true;
    const polling = (async () => {
      while (publishing) await reader.feed.poll();
    })();
    await Promise.all(topics.map((name, i) => (i % 2 ? a : b).feed.publish(name)));
    publishing = false;
    await polling;
    await reader.feed.poll();
    expect([...reader.notifications].sort()).toEqual([...topics].sort());
    expect(a.notifications.filter((t) => t !== ALL_TOPICS)).toHaveLength(20); // their own, at once; none from a gap
  });

  it('each publish is its own entry: a topic mark deleted meanwhile changes nothing', async () => {
    const writer = await instance();
    const reader = await instance();
    const changed = topic('mark');
    await writer.feed.publish(changed);
    await marks().deleteOne({ _id: changed as never });
    await reader.feed.poll();
    expect(reader.notifications).toEqual([changed]);
  });

  it('an entry deleted before another instance read it is noticed at the next head check: ALL_TOPICS', async () => {
    // The head check is due long after the two publishes, even on a loaded machine.
    const writer = await instance({ feed: { publishLingerMs: 0 } });
    const reader = await instance({ feed: { headCheckIntervalMs: 1500 } });
    const lost = topic('lost');
    const later = topic('later');
    await writer.feed.publish(lost);
    const head = await marks().findOne({ _id: 'feed-head' as never });
    await marks().deleteOne({ _id: `feed:${head?.seq}` as never });
    await writer.feed.publish(later); // behind the hole: unreachable by reading on
    await reader.feed.poll();
    expect(reader.notifications).toEqual([]);
    await sleep(1600);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
    // Past the hole, reading goes on normally.
    const next = topic('next');
    await writer.feed.publish(next);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS, next]);
  });

  it('more entries than one poll replays: ALL_TOPICS, and reading continues from the end', async () => {
    const writer = await instance();
    const reader = await instance({ monitorCommands: true, feed: { maxEntriesPerPoll: 5 } });
    for (let i = 0; i < 12; i++) await writer.feed.publish(topic(`many${i}`));
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
    const next = topic('after');
    await writer.feed.publish(next);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS, next]);
  });

  it('a failed poll notifies ALL_TOPICS once, and again when polls succeed again', async () => {
    const reader = await instance();
    await reader.database.connection.close();
    await reader.feed.poll();
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
    await reader.database.connection.openUri(testMongoUri(), { dbName: databaseName });
    await reader.feed.poll();
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS, ALL_TOPICS]);
  });

  it('too long since the last successful poll (a stall) notifies ALL_TOPICS', async () => {
    const reader = await instance({ feed: { maxPollGapMs: 300 } });
    await reader.feed.poll();
    expect(reader.notifications).toEqual([]);
    await sleep(350);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
  });

  it('a publish that cannot be written rejects, drops everything here, and tells the others once it can', async () => {
    const writer = await instance();
    const reader = await instance();
    await writer.database.connection.close();
    const changed = topic('offline');
    await expect(writer.feed.publish(changed)).rejects.toThrow();
    expect(writer.notifications).toEqual([changed, ALL_TOPICS]);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([]); // nothing reached the database

    await writer.database.connection.openUri(testMongoUri(), { dbName: databaseName });
    await writer.feed.poll(); // succeeds again: writes the gap entry it owes
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
    await writer.feed.poll();
    expect(writer.notifications).toEqual([changed, ALL_TOPICS]); // not its own gap entry again
  });

  it('a publish whose topic mark cannot be written rejects and makes every instance drop everything', async () => {
    const writer = await instance();
    const reader = await instance();
    const broken = topic('broken');
    // A real write error: the mark's counter is not a number, so `$inc` fails (after the entry was claimed).
    await marks().insertOne({ _id: broken as never, seq: 'not a number', at: 0 });
    await expect(writer.feed.publish(broken)).rejects.toThrow();
    expect(writer.notifications).toEqual([broken, ALL_TOPICS]);
    await reader.feed.poll();
    expect(reader.notifications).toEqual([ALL_TOPICS]);
    await writer.feed.poll();
    expect(writer.notifications).toEqual([broken, ALL_TOPICS]);
  });

  it('refuses topics that are the feed’s own documents', async () => {
    const writer = await instance();
    await expect(writer.feed.publish('feed-head')).rejects.toThrow(/not a topic/);
    await expect(writer.feed.publish('feed:1')).rejects.toThrow(/not a topic/);
    await expect(writer.feed.publish(ALL_TOPICS)).rejects.toThrow(/not a topic/);
  });
});
