import { Database } from '../../src/database/database';
import type { KeyCrypto } from '../../src/keys/keyCrypto';
import { KeyResolver, type KeyResolverOptions } from '../../src/keys/keyResolver';
import { ChangeFeed, type ChangeFeedOptions } from '../../src/runtime/changeFeed';
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
  /** Commands sent to `change_marks` with the filter of each (with `monitorCommands`; `insert` has none). */
  markCommands: { command: string; filters: unknown[] }[];
  close(): Promise<void>;
}

/** Opens a peer on `databaseName`, sharing the key material of the instance under test. */
export async function openPeerInstance(
  databaseName: string,
  crypto: KeyCrypto,
  options: { keys?: KeyResolverOptions; feed?: ChangeFeedOptions; monitorCommands?: boolean } = {},
): Promise<PeerInstance> {
  const database = await Database.connect(testMongoUri(), databaseName, { monitorCommands: options.monitorCommands });
  const feed = new ChangeFeed(database, options.feed);
  const notifications: string[] = [];
  feed.subscribe((topic) => notifications.push(topic));
  const keys = new KeyResolver(database, crypto, feed, options.keys);
  const markCommands: { command: string; filters: unknown[] }[] = [];
  if (options.monitorCommands) {
    database.connection.getClient().on('commandStarted', (event) => {
      const { command, commandName } = event;
      if (command[commandName] !== 'change_marks') return;
      const filters: unknown[] =
        commandName === 'update' ? command.updates.map((u: { q: unknown }) => u.q)
        : commandName === 'delete' ? command.deletes.map((d: { q: unknown }) => d.q)
        : commandName === 'insert' ? []
        : [command.filter ?? command.query ?? command.pipeline];
      markCommands.push({ command: commandName, filters });
    });
  }
  return {
    database,
    feed,
    keys,
    notifications,
    markCommands,
    async close() {
      feed.stop();
      await database.close();
    },
  };
}
