import type { Principal } from '../keys/keyResolver';
import type { OperationContext } from '../operations/operationContext';
import type { RelationLoaders } from './relationLoaders';

/** The context of one GraphQL request. */
export interface GraphQLContext extends OperationContext {
  principal: Principal;
  loaders: RelationLoaders;
  /** The HTTP request's id (logs and masked errors name it). */
  requestId: string;
  /** The request's logger. */
  log: { error(details: object, message: string): void };
  /** Where clients reach this server (`PUBLIC_URL`): `_media` urls are absolute under it. */
  publicUrl?: string;
}
