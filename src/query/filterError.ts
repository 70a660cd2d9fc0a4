import type { AppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';

/** Decides the wire shape of every refused `filters` parameter: 400 `{"filters": [message]}`. */
export function filterError(message: string): AppError {
  return errors.invalidField('filters', message);
}
