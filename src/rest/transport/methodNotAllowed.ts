import type { HTTPMethods, RouteOptions } from 'fastify';

/** The methods answered with 405 when a path does not define them. */
const METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Flotiq has no 405 body; this one follows the shape of its other errors (spec §0). */
const METHOD_NOT_ALLOWED_BODY = { code: 405, message: 'Method Not Allowed' };

/**
 * 405 routes for the methods each REST path does not serve (THREATS D-18: verb tampering is
 * refused, not routed). A method is left alone when another route serves it on that path — for
 * example `GET /content/{name}/batch` is `GET /content/{name}/{id}` with the id "batch". The 405 is
 * sent in `onRequest`, before authentication and before any body is read, with an `Allow` header.
 */
export function methodNotAllowedRoutes(routes: readonly { method: HTTPMethods; url: string }[]): RouteOptions[] {
  const serves = (method: HTTPMethods, url: string): boolean =>
    routes.some((route) => (route.method === method || (method === 'HEAD' && route.method === 'GET')) && shapeMatches(route.url, url));

  const urls = [...new Set(routes.map((route) => route.url))];
  return urls.flatMap((url) => {
    const missing = METHODS.filter((method) => !serves(method, url));
    if (missing.length === 0) return [];
    const allow = METHODS.filter((method) => serves(method, url)).join(', ');
    return [
      {
        method: missing,
        url,
        // Answering here (and returning the reply, as fastify asks) ends the request before the body is read.
        onRequest: async (_request, reply) => reply.code(405).header('allow', allow).send(METHOD_NOT_ALLOWED_BODY),
        handler: async () => METHOD_NOT_ALLOWED_BODY,
      } satisfies RouteOptions,
    ];
  });
}

/** Whether a route pattern would match a path of the same shape (`:param` matches any segment). */
function shapeMatches(pattern: string, url: string): boolean {
  const a = pattern.split('/');
  const b = url.split('/');
  return a.length === b.length && a.every((segment, i) => segment.startsWith(':') || segment === b[i]);
}
