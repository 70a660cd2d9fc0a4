import { randomBytes } from 'node:crypto';
import { Database } from '../../../src/database/database';
import { FeedLog } from '../../../src/runtime/feedLog';
import { testMongoUri } from '../../support/testDatabase';

describe('the feed log on the real database', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let databases: Database[] = [];
  beforeAll(async () => {
    databases = await Promise.all([1, 2, 3].map(() => Database.connect(testMongoUri(), databaseName)));
  });
  afterAll(async () => {
    await databases[0].drop();
    for (const database of databases) await database.close();
  });

  it('concurrent appends from three connections, all starting from the same known entry, take 1..n once each', async () => {
    const logs = databases.map((database) => new FeedLog(database));
    const claimed = await Promise.all(Array.from({ length: 45 }, (_, i) => logs[i % 3].append([`t:${i}`], `by${i % 3}`, 0)));
    expect([...claimed].sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(await logs[0].findEnd(0)).toBe(45);
    const entries = await logs[1].readAfter(0, 100);
    expect(entries.map((entry) => entry.n)).toEqual(claimed.slice().sort((a, b) => a - b));
    expect(new Set(entries.flatMap((entry) => entry.topics)).size).toBe(45);
  });

  it('reads a malformed entry as a gap, so readers go on past it', async () => {
    const log = new FeedLog(databases[0]);
    const end = await log.findEnd(0);
    await databases[0].connection.collection('change_marks').insertOne({ _id: `feed:${end + 1}` as never, n: end + 1, topics: 'not a list' });
    expect(await log.read(end + 1)).toEqual({ n: end + 1, topics: ['*'], by: '' });
    expect(await log.append(['t:after'], 'by0', end)).toBe(end + 2);
  });

  it('finds the end of the run from any entry in it', async () => {
    const log = new FeedLog(databases[0]);
    const end = await log.findEnd(0);
    for (const from of [0, 1, 17, end - 1, end]) expect(await log.findEnd(from)).toBe(end);
    await log.append(['t:more'], 'by0', end);
    expect(await log.findEnd(3)).toBe(end + 1);
  });
});
