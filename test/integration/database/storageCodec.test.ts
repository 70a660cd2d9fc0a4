import { decodeFromStorage, encodeForStorage } from '../../../src/database/storageCodec';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';
import type { Database } from '../../../src/database/database';

const tableBlock = {
  time: 1,
  blocks: [{ id: 't1', type: 'table', data: { withHeadings: true, content: [['a', 'b'], ['c', [['deep']]]] } }],
  version: '2.22.0',
};

describe('storage codec', () => {
  it.each([
    ['nested arrays', { content: [['a', 'b'], ['c']] }],
    ['triple nesting', [[[1]], []]],
    ['keys that look like the wrapper', { '~a': [1], '~~a': 'x', list: [{ '~a': ['y'] }] }],
    ['an editor.js table block', tableBlock],
    ['empty objects and arrays', { data: {}, items: [], nested: [[]] }],
    ['scalars', 'text'],
  ])('round-trips %s', (_name, value) => {
    expect(decodeFromStorage(encodeForStorage(value))).toEqual(value);
  });

  it('never leaves an array directly inside an array', () => {
    const encoded = JSON.stringify(encodeForStorage(tableBlock));
    expect(encoded).not.toMatch(/\[\s*\[/);
  });

  describe('against the real database', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase();
    });
    afterAll(async () => dropTestDatabase(database));

    it('stores and reads back a table block unchanged', async () => {
      const collection = database.connection.collection('codec_probe');
      await collection.insertOne({ _id: 'x' as never, value: encodeForStorage(tableBlock) });
      const stored = await collection.findOne({ _id: 'x' as never });
      expect(decodeFromStorage(stored?.value)).toEqual(tableBlock);
    });
  });
});
