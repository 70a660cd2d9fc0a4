/**
 * The one error type of contentgate. Every failure a client may see is an `AppError` made by the
 * factory in `errorFactory.ts`; its stable `code` maps to GraphQL `extensions.code`, and `status`
 * plus `restBody()` give the Flotiq-compatible REST response. Anything else is internal and masked.
 */

/** Stable, documented error codes. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'RESULT_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TIMEOUT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Flotiq's validation body: field path → messages. */
export type FieldErrors = Record<string, string[]>;

/** What an error carries beyond code and message. */
export interface AppErrorDetails {
  /** Field path → messages (Flotiq's `400 {field: [messages]}`). */
  fieldErrors?: FieldErrors;
  /** Reasons for a refused action (Flotiq's `400 {"errors": [...]}`). */
  reasons?: string[];
  /** The request a masked 500 belongs to (its body names it, so a report can be found in the logs). */
  requestId?: string;
}

/** A client-facing error with a stable code and HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;
  readonly reasons?: string[];
  readonly requestId?: string;

  constructor(code: ErrorCode, status: number, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.fieldErrors = details.fieldErrors;
    this.reasons = details.reasons;
    this.requestId = details.requestId;
  }

  /** The REST body in Flotiq's shape for this error. */
  restBody(): unknown {
    if (this.fieldErrors) return this.fieldErrors;
    if (this.reasons) return { errors: this.reasons };
    return this.requestId ? { code: this.status, message: this.message, requestId: this.requestId } : { code: this.status, message: this.message };
  }
}

/** Whether a thrown value is a client-facing `AppError`. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
