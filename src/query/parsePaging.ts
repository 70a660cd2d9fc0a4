import { errors } from '../errors/errorFactory';

/** Flotiq's `page`/`limit` (spec §2.1) → a validated page window. */

/** The limits a list endpoint applies. */
export interface PagingDefaults {
  /** The limit when the client sends none. */
  limit: number;
  /** The largest limit a client may ask for. */
  maxLimit: number;
}

/** A validated page window. */
export interface Paging {
  /** 1-based page number. */
  page: number;
  limit: number;
  /** Objects to skip: `(page - 1) * limit`. */
  skip: number;
}

/** Flotiq's defaults: 20 per page, at most 1000. */
export const DEFAULT_PAGING: PagingDefaults = { limit: 20, maxLimit: 1000 };

const DIGITS = /^\d+$/;

/**
 * Decides the page window from `page` and `limit` given as integers or decimal-digit strings
 * (absent or "" → page 1 / the default limit). page ≥ 1 and 1 ≤ limit ≤ maxLimit, else 400 on
 * `page` or `limit`.
 */
export function parsePaging(page: unknown, limit: unknown, defaults: PagingDefaults = DEFAULT_PAGING): Paging {
  const pageNumber = readInteger(page, 1);
  if (pageNumber === undefined || pageNumber < 1) {
    throw errors.invalidField('page', 'Page must be an integer greater than or equal to 1');
  }
  const limitNumber = readInteger(limit, defaults.limit);
  if (limitNumber === undefined || limitNumber < 1 || limitNumber > defaults.maxLimit) {
    throw errors.invalidField('limit', `Limit must be between 1 and ${defaults.maxLimit}`);
  }
  const skip = (pageNumber - 1) * limitNumber;
  if (!Number.isSafeInteger(skip)) throw errors.invalidField('page', 'Page is too large');
  return { page: pageNumber, limit: limitNumber, skip };
}

/** The integer in `value`, `fallback` when absent, undefined when it is not an integer. */
function readInteger(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && DIGITS.test(value)) {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}
