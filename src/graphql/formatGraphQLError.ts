import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isAppError, type AppError } from '../errors/appError';
import { toAppError } from '../errors/toAppError';

/** Codes graphql-js and Apollo give client errors; their messages are safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
]);

/**
 * Maps every GraphQL error to its public form: `AppError`s carry their stable code (and Flotiq's
 * field map under `extensions.fields`), client errors from parsing/validation pass, anything else
 * is masked as INTERNAL_SERVER_ERROR. Never a stack trace. (`errorReportPlugin` logs the masked
 * ones and names the request in them.)
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const answer = answeredAs(error, formatted.extensions?.code);
  const { locations, path } = formatted;
  if (!answer) return { message: formatted.message, locations, path, extensions: { code: formatted.extensions?.code } };
  return {
    message: answer.message,
    locations,
    path,
    extensions: {
      code: answer.code,
      ...(answer.fieldErrors ? { fields: answer.fieldErrors } : {}),
      ...(answer.reasons ? { reasons: answer.reasons } : {}),
    },
  };
}

/** Whether the client sees this error masked as a server failure (a 5xx code): it is logged, never shown. */
export function isServerFailure(error: unknown): boolean {
  const code = (unwrapResolverError(error) as { extensions?: { code?: unknown } })?.extensions?.code;
  return (answeredAs(error, code)?.status ?? 0) >= 500;
}

/**
 * The `AppError` a GraphQL error is answered as: its own, or the masked one (`toAppError`);
 * undefined for a client error from parsing or validation (`code` in `CLIENT_CODES`), shown as it is.
 */
function answeredAs(error: unknown, code: unknown): AppError | undefined {
  const original = unwrapResolverError(error);
  if (isAppError(original)) return original;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return undefined;
  return toAppError(original);
}
