import { Database } from '../../src/database/database';
import type { KeyCrypto } from '../../src/keys/keyCrypto';
import { KeyResolver, type KeyResolverOptions } from '../../src/keys/keyResolver';
import { ChangeFeed } from '../../src/runtime/changeFeed';
import { testMongoUri } from './testDatabase';

/**
 * A second "instance" in the test process: its own connection to the same database, its own change
 * feed (not started: the test decides when it polls) and its own key cache.
 */
export interface PeerInstance {
  database: Database;
  feed: ChangeFeed;
  keys: KeyResolver;
  /** Every topic this instance's feed delivered, in order. */
  notifications: string[];
  close(): Promise<void>;
}

/** Opens a peer on `databaseName`, sharing the key material of the instance under test. */
export async function openPeerInstance(
  databaseName: string,
  crypto: KeyCrypto,
  options: { keys?: KeyResolverOptions; monitorCommands?: boolean } = {},
): Promise<PeerInstance> {
  const database = await Database.connect(testMongoUri(), databaseName, { monitorCommands: options.monitorCommands });
  const feed = new ChangeFeed(database);
  const notifications: string[] = [];
  feed.subscribe((topic) => notifications.push(topic));
  const keys = new KeyResolver(database, crypto, feed, options.keys);
  return {
    database,
    feed,
    keys,
    notifications,
    async close() {
      feed.stop();
      await database.close();
    },
  };
}
