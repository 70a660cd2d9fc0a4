import { AppError, isAppError } from './appError';
import { errors } from './errorFactory';

/** Errors of a database that cannot be reached right now (the driver's, and mongoose's own wrapper). */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/**
 * Classifies any thrown value as a client-facing `AppError`: app errors pass through, known
 * transport and database failures get their code, everything else becomes a masked 500 (naming
 * `requestId` when given).
 */
export function toAppError(error: unknown, requestId?: string): AppError {
  if (isAppError(error)) return error;
  const candidate = error as { code?: string; statusCode?: number; name?: string };
  switch (candidate?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.unsupportedMediaType();
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errors.invalidField('body', 'Malformed JSON body - Syntax error');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalidField('body', 'The request body must not be empty');
    default:
      break;
  }
  if (candidate?.statusCode === 400 && candidate.name === 'SyntaxError') {
    return errors.invalidField('body', 'Malformed JSON body - Syntax error');
  }
  // MaxTimeMSExpired: the database stopped a query over its time limit.
  if ((error as { code?: unknown })?.code === 50) return errors.unavailable();
  if (candidate?.name !== undefined && UNAVAILABLE_NAMES.has(candidate.name)) return errors.unavailable();
  return errors.internal(requestId);
}
