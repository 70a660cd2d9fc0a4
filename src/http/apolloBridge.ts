import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An Apollo answer, read whole. */
export interface ApolloAnswer {
  status: number;
  headers: HeaderMap;
  body: string;
}

/**
 * Hands one fastify request to an Apollo Server and reads the answer whole. Written here rather
 * than using `@as-integrations/fastify` because that integration sends the reply itself, and the
 * public listener must pick the Apollo Server per key and keep the body for its read cache. Both
 * listeners (public and internal) use this one bridge.
 */
export async function executeApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  request: FastifyRequest,
  context: () => Promise<TContext>,
): Promise<ApolloAnswer> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const index = request.url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method, headers, search: index < 0 ? '' : request.url.slice(index), body: request.body },
    context,
  });
  let body = '';
  if (response.body.kind === 'complete') body = response.body.string;
  else for await (const chunk of response.body.asyncIterator) body += chunk;
  return { status: response.status ?? 200, headers: response.headers, body };
}

/** Sends an Apollo answer on a fastify reply (status, Apollo's headers, body). */
export function sendApolloAnswer(reply: FastifyReply, answer: ApolloAnswer): FastifyReply {
  for (const [name, value] of answer.headers) reply.header(name, value);
  return reply.code(answer.status).send(answer.body);
}
