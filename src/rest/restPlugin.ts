import type { FastifyPluginAsync } from 'fastify';
import type { Gateway } from '../runtime/gateway';
import { REST_ROUTES } from './routes';
import { registerJsonOnlyParsing } from './transport/jsonParser';
import { methodNotAllowedRoutes } from './transport/methodNotAllowed';
import { registerRestRoute } from './transport/registerRestRoute';

/** Options of the REST plugin. */
export interface RestPluginOptions {
  gateway: Gateway;
}

/**
 * Flotiq's REST API as a fastify plugin. It is encapsulated, so its body policy (JSON only; a
 * malformed body is a 400) does not change other surfaces. Every route of the table is registered,
 * then a 405 route for each other method on the same paths.
 */
export const restPlugin: FastifyPluginAsync<RestPluginOptions> = async (app, { gateway }) => {
  registerJsonOnlyParsing(app);
  for (const route of REST_ROUTES) registerRestRoute(app, gateway, route);
  for (const route of methodNotAllowedRoutes(REST_ROUTES)) app.route(route);
};
