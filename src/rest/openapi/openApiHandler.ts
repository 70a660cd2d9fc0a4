import { errors } from '../../errors/errorFactory';
import { reachableContentTypes } from '../../operations/contentTypeOperations';
import { ok, type RestHandler } from '../restCall';
import { booleanParam, singleParam } from '../transport/queryParams';
import { buildOpenApiDocument } from './buildOpenApiDocument';
import { serverUrl } from './serverUrl';

/** The OpenAPI versions this endpoint can produce (`version=3`, Flotiq's default). */
const OPENAPI_3 = /^3(?:\.0(?:\.\d+)?)?$/;

/**
 * `GET /api/v1/open-api-schema.json`: the OpenAPI 3.0 document of the calling key's account,
 * limited to what the key may call (spec §5.3, §4.3). `version` may be `3` (the default; `3.1` and
 * `2` are refused with 400), `user_only=1` leaves out the system types. `hydrate` is not supported
 * (relations are always `DataSource` references). The server URL comes from `PUBLIC_URL`, else
 * from the request (see `serverUrl`).
 */
export const openApiSchema: RestHandler = async ({ request, ctx, query, publicUrl, mediaRequireKey }) => {
  const version = singleParam(query, 'version');
  if (version !== undefined && version !== '' && !OPENAPI_3.test(version)) {
    throw errors.invalidField('version', 'Only OpenAPI 3 (version=3) is available');
  }
  const userOnly = booleanParam(query, 'user_only') === true;
  const contentTypes = await reachableContentTypes(ctx);
  return ok(
    buildOpenApiDocument({
      contentTypes,
      permissions: ctx.permissions,
      serverUrl: serverUrl(publicUrl, request),
      userOnly,
      mediaRequiresKey: mediaRequireKey,
    }),
  );
};
