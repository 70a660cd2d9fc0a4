import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a request id comes in (from a proxy) and goes out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of a request, in every log line about it, in its `x-request-id` answer header and in a
 * masked 500's body: the caller's `x-request-id` when it is a short plain token (a proxy's id ties
 * both logs together), else a fresh UUID (anything else could forge log lines).
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}
