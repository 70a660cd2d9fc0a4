import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isAppError } from '../errors/appError';
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
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.fieldErrors ? { fields: original.fieldErrors } : {}),
        ...(original.reasons ? { reasons: original.reasons } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const masked = toAppError(original);
  return { message: masked.message, locations: formatted.locations, path: formatted.path, extensions: { code: masked.code } };
}

/** Whether the client sees this error masked as a server failure (a 5xx code): it is logged, never shown. */
export function isServerFailure(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (isAppError(original)) return original.status >= 500;
  const code = (original as { extensions?: { code?: unknown } })?.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return false;
  return toAppError(original).status >= 500;
}
