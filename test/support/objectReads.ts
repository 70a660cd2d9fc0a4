import type { CommandStartedEvent } from 'mongodb';
import type { Database } from '../../src/database/database';

/** A read of content objects as the database saw it. */
export interface ObjectRead {
  /** The content type read (from the `_id`s or the collection name). */
  type: string;
  /** `point`: exactly `{_id}`; `ids`: `{_id: {$in}}`; `query`: anything else (a scan on FerretDB). */
  kind: 'point' | 'ids' | 'query';
}

/**
 * Classifies a `find` on content objects (`objects.<account>.<type>` or the shared
 * `content_objects`), or undefined for any other command.
 */
export function objectReadOf(event: CommandStartedEvent): ObjectRead | undefined {
  if (event.commandName !== 'find') return undefined;
  const collection = String(event.command.find);
  const filter = (event.command.filter ?? {}) as Record<string, unknown>;
  const perType = /^objects\.[^.]+\.(.+)$/.exec(collection)?.[1];
  if (!perType && collection !== 'content_objects') return undefined;
  const id = filter._id;
  const keys = Object.keys(filter);
  const typeOfId = (value: unknown) => String(value).split('/')[1] ?? '';
  if (keys.length === 1 && typeof id === 'string') return { type: perType ?? typeOfId(id), kind: 'point' };
  const list = (id as { $in?: unknown[] } | undefined)?.$in;
  if (keys.length === 1 && Array.isArray(list)) return { type: perType ?? typeOfId(list[0]), kind: 'ids' };
  return { type: perType ?? String(filter.contentType ?? '?'), kind: 'query' };
}

/**
 * Records every read of content objects on a database connected with `monitorCommands: true`;
 * clear the returned list (`length = 0`) to start counting afresh.
 */
export function recordObjectReads(database: Database): ObjectRead[] {
  const reads: ObjectRead[] = [];
  database.connection.getClient().on('commandStarted', (event) => {
    const read = objectReadOf(event);
    if (read) reads.push(read);
  });
  return reads;
}
