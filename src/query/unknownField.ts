import type { AppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { filterError } from './filterError';
import { shorten } from './filterValues';

/** Which parameter named the field. */
export type FieldPurpose = 'filter' | 'order';

/**
 * The refusal of a field name the type does not have, in `filters` or `order_by`. Also what a key
 * gets, where existence must not show (GraphQL views), for a field it may not read.
 */
export function unknownField(purpose: FieldPurpose, path: string): AppError {
  const message = `Unknown field: ${shorten(path)}`;
  return purpose === 'filter' ? filterError(message) : errors.invalidField('order_by', message);
}
