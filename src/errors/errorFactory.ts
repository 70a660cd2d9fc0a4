import { AppError, type FieldErrors } from './appError';

/**
 * The error factory: the only place that decides codes, statuses and Flotiq's messages for every
 * client-facing failure. Callers pick the situation; the factory picks the wire shape.
 */
export const errors = {
  /** 400 with Flotiq's `{field: [messages]}` map. */
  validation(fieldErrors: FieldErrors): AppError {
    const first = Object.entries(fieldErrors)[0];
    const summary = first ? `${first[0]}: ${first[1].join(', ')}` : 'Invalid input';
    return new AppError('BAD_USER_INPUT', 400, `Validation failed (${summary})`, { fieldErrors });
  },

  /** 400 for one field with one message. */
  invalidField(field: string, message: string): AppError {
    return errors.validation({ [field]: [message] });
  },

  /** 400 `{"errors": [...]}`: an action refused for reasons (e.g. an object still referenced). */
  refused(reasons: string[]): AppError {
    return new AppError('BAD_USER_INPUT', 400, reasons.join(' '), { reasons });
  },

  /** 400 when an answer would hold more objects than one request may return (`ResultBudget`); names no limit. */
  resultTooLarge(): AppError {
    return new AppError(
      'RESULT_TOO_LARGE',
      400,
      'The answer would hold too many objects: ask for fewer (a smaller limit, fewer relation levels or relation fields)',
    );
  },

  /** 401, the same whatever was wrong with the key. */
  unauthenticated(): AppError {
    return new AppError('UNAUTHENTICATED', 401, 'Unauthorized');
  },

  /** 403; the message never names what the caller may not see. */
  forbidden(message = 'Access denied or quota limit exceeded'): AppError {
    return new AppError('FORBIDDEN', 403, message);
  },

  /** 429: a rate limit (the burst of an account, or bad keys from one address); retry after the `Retry-After` header. */
  tooManyRequests(message = 'Too many requests, retry after the number of seconds in Retry-After'): AppError {
    return new AppError('TOO_MANY_REQUESTS', 429, message);
  },

  /** 403 when the account's call quota for the rolling window is spent (Flotiq's body). */
  quotaExceeded(): AppError {
    return new AppError('FORBIDDEN', 403, 'Access denied or quota limit exceeded');
  },

  /** 404, identical for "missing" and "not visible to this key". */
  notFound(): AppError {
    return new AppError('NOT_FOUND', 404, 'Not found');
  },

  /** 413 for an object over the size limit (Flotiq's message). */
  objectTooLarge(objectId: string, sizeBytes: number, limitBytes: number): AppError {
    const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 100) / 100} MB`;
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      413,
      `Content Object size limit exceeded by an object with ID: ${objectId}. Requested size ${mb(sizeBytes)}, limit: ${mb(limitBytes)})`,
    );
  },

  /** 413 for a request body over the transport limit. */
  bodyTooLarge(): AppError {
    return new AppError('PAYLOAD_TOO_LARGE', 413, 'Request body too large');
  },

  /** 413 for a GraphQL document over the size limit; the limit itself is not said. */
  documentTooLarge(): AppError {
    return new AppError('PAYLOAD_TOO_LARGE', 413, 'The GraphQL document is too large');
  },

  /** 415 for a missing or wrong Content-Type. */
  unsupportedMediaType(): AppError {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported Media Type');
  },

  /** 408 for a request body that did not arrive in time (a stalled or too slow upload). */
  requestTimeout(): AppError {
    return new AppError('REQUEST_TIMEOUT', 408, 'Request Timeout');
  },

  /** 503 when the database cannot serve the request. */
  unavailable(): AppError {
    return new AppError('SERVICE_UNAVAILABLE', 503, 'Service temporarily unavailable');
  },

  /** 500 with a fixed message: the cause is logged, never sent; the body names the request when known. */
  internal(requestId?: string): AppError {
    return new AppError('INTERNAL_SERVER_ERROR', 500, 'Internal server error', { requestId });
  },
};
