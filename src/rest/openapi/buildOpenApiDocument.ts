import { canManageSchema, readableTypes } from '../../access/decisions';
import type { Permissions } from '../../access/permissions';
import type { ContentTypeDefinition } from '../../content-types/contentTypeDefinition';
import { MEDIA_TYPE } from '../../media/mediaKinds';
import { contentPaths } from './contentPaths';
import { contentTypeSchemas } from './contentTypeSchemas';
import { MEDIA_OPERATION_IDS, mediaPaths } from './mediaPaths';
import type { HttpMethod, OpenApiDocument, PathItem, TagObject } from './openApiTypes';
import { operationStems } from './operationNames';
import { SECURITY_SCHEME, sharedResponses, sharedSchemas } from './sharedComponents';
import {
  contentTypeReadPaths,
  contentTypeWritePaths,
  graphqlPaths,
  searchPaths,
  SYSTEM_OPERATION_IDS,
} from './systemPaths';

/** What the document is generated from. */
export interface OpenApiInput {
  /** The CTDs the key reaches (`reachableContentTypes`). */
  contentTypes: readonly ContentTypeDefinition[];
  permissions: Permissions;
  /** Where clients reach this server (`servers[0].url`). */
  serverUrl: string;
  /** `user_only=1`: leave out the system types (`_media`, `_tag`). */
  userOnly?: boolean;
  /** `MEDIA_REQUIRE_KEY`: the image URLs need a key (else they are listed without security). */
  mediaRequiresKey?: boolean;
}

/**
 * The OpenAPI 3.0 document of one key (spec §5.3): the operations it may call (spec §4.3) on the
 * types it reaches, with per-type schemas built from their CTDs and cut to its field rights.
 * - CTD list/get when it reaches some type; CTD writes with the schema right;
 * - per type: see `contentPaths` (read / create / update / delete / removed);
 * - search when it can read some type, with `content_type[]` limited to those types;
 * - media upload with create on `_media`, the image URLs with read on it (`mediaPaths`);
 * - GraphQL for every key (a user-defined key's schema is cut to what it may see).
 * Every decision is the permission engine's (`access/decisions.ts`).
 */
export function buildOpenApiDocument(input: OpenApiInput): OpenApiDocument {
  const { permissions } = input;
  const types = input.contentTypes.filter((ctd) => !(input.userOnly && ctd.internal));
  const stems = operationStems(types.map((ctd) => ctd.name), new Set([...SYSTEM_OPERATION_IDS, ...MEDIA_OPERATION_IDS]));
  const paths: Record<string, PathItem> = {};
  const merge = (more: Record<string, PathItem>) => {
    for (const [path, item] of Object.entries(more)) paths[path] = { ...paths[path], ...item };
  };

  if (input.contentTypes.length > 0) merge(contentTypeReadPaths());
  if (canManageSchema(permissions)) merge(contentTypeWritePaths());
  const schemas = sharedSchemas();
  for (const ctd of types) {
    merge(contentPaths(ctd, stems.get(ctd.name)!, permissions));
    Object.assign(schemas, contentTypeSchemas(ctd, permissions));
  }
  const searchable = readableTypes(permissions, types.map((ctd) => ctd.name));
  if (searchable.length > 0) merge(searchPaths(searchable));
  if (types.some((ctd) => ctd.name === MEDIA_TYPE)) merge(mediaPaths(permissions, input.mediaRequiresKey === true));
  merge(graphqlPaths());

  return {
    openapi: '3.0.3',
    info: {
      title: 'contentgate content API',
      version: '1.0.0',
      description:
        'A Flotiq-compatible content API. This document lists only the operations the API key that requested it may call, ' +
        'and only the fields it may read or write.',
    },
    servers: [{ url: input.serverUrl }],
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: tagsOf(paths),
    paths,
    components: {
      securitySchemes: { [SECURITY_SCHEME]: { type: 'apiKey', in: 'header', name: 'X-AUTH-TOKEN' } },
      schemas,
      responses: sharedResponses(),
    },
  };
}

/** Every tag used by an operation, in first-use order. */
function tagsOf(paths: Record<string, PathItem>): TagObject[] {
  const names = new Set<string>();
  for (const item of Object.values(paths)) {
    for (const method of Object.keys(item) as HttpMethod[]) for (const tag of item[method]!.tags) names.add(tag);
  }
  return [...names].map((name) => ({ name }));
}
