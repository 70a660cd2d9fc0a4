import { isAppError, type FieldErrors } from '../../errors/appError';
import { errors } from '../../errors/errorFactory';
import { idKeyOf } from '../../content-objects/objectIds';
import { isPlainObject } from '../../query/plainObject';
import type { RestResult } from '../restCall';
import { DUPLICATE_ID_MESSAGE } from './objectMessages';

/** Flotiq's batch size (spec §0: 100 items, more only on a custom plan). */
export const BATCH_LIMIT = 100;

/** One refused item of a batch: what was sent and why it was refused. */
export interface BatchItemError {
  data: unknown;
  errors: FieldErrors;
}

/** Flotiq's batch response (`BatchResponseSuccess` / `BatchResponseError`). */
export interface BatchReport {
  batch_total_count: number;
  batch_success_count: number;
  batch_error_count: number;
  errors: BatchItemError[];
}

/**
 * The items of a batch body: a JSON array of at most `limit` entries. A longer one is refused
 * whole, with nothing written: 400 `{"batch_limit": [...], "data": [...]}`.
 */
export function readBatch(body: unknown, limit = BATCH_LIMIT): unknown[] {
  if (!Array.isArray(body)) throw errors.invalidField('body', 'The request body must be a JSON array');
  if (body.length > limit) {
    throw errors.validation({
      batch_limit: [`A batch may hold at most ${limit} items`],
      data: [`${body.length} items were sent`],
    });
  }
  return body;
}

/**
 * Writes the items of a batch one by one, in order; a refused item does not stop the others.
 * An id seen earlier in the same batch (ids are case-insensitive) is refused with Flotiq's
 * duplication message and not written — the first occurrence is. 200 when every item was written,
 * otherwise 400; both with the batch report. Failures that are not the item's fault (database
 * down, internal errors) abort the whole request.
 */
export async function runBatch(items: readonly unknown[], write: (item: unknown) => Promise<void>): Promise<RestResult> {
  const failures: BatchItemError[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const idKey = isPlainObject(item) && typeof item.id === 'string' ? idKeyOf(item.id) : undefined;
    if (idKey !== undefined && seen.has(idKey)) {
      failures.push({ data: item, errors: { id: [DUPLICATE_ID_MESSAGE] } });
      continue;
    }
    if (idKey !== undefined) seen.add(idKey);
    try {
      await write(item);
    } catch (error) {
      failures.push({ data: item, errors: itemErrors(error) });
    }
  }
  const report: BatchReport = {
    batch_total_count: items.length,
    batch_success_count: items.length - failures.length,
    batch_error_count: failures.length,
    errors: failures,
  };
  return { status: failures.length ? 400 : 200, body: report };
}

/**
 * The error map of one refused item: a validation map as is; any other client error (403 on a
 * field, 413 object size, a refusal with reasons) under the key `object`.
 */
function itemErrors(error: unknown): FieldErrors {
  if (!isAppError(error) || error.status >= 500) throw error;
  if (error.fieldErrors) return error.fieldErrors;
  return { object: error.reasons ?? [error.message] };
}
