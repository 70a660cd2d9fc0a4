import type { Principal } from '../keys/keyResolver';
import type { OperationContext } from '../operations/operationContext';
import type { RelationLoaders } from './relationLoaders';

/** The context of one GraphQL request. */
export interface GraphQLContext extends OperationContext {
  principal: Principal;
  loaders: RelationLoaders;
  /** Where clients reach this server (`PUBLIC_URL`): `_media` urls are absolute under it. */
  publicUrl?: string;
}
