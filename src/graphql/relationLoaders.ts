import DataLoader from 'dataloader';
import type { ContentObject } from '../content-objects/contentObject';
import { idKeyOf } from '../content-objects/objectIds';
import { loadObjects } from '../operations/contentOperations';
import type { OperationContext } from '../operations/operationContext';

/**
 * Per-request DataLoaders, one per related type: every relation of a request into one type is
 * fetched in one batched query, through the access-controlled `loadObjects` operation.
 */
export class RelationLoaders {
  private readonly loaders = new Map<string, DataLoader<string, ContentObject | null>>();

  constructor(private readonly ctx: OperationContext) {}

  /** The loader of one type (ids are case-insensitive, so keys are id keys). */
  forType(type: string): DataLoader<string, ContentObject | null> {
    let loader = this.loaders.get(type);
    if (!loader) {
      loader = new DataLoader<string, ContentObject | null>(
        async (idKeys) => {
          const found = await loadObjects(this.ctx, type, idKeys);
          return idKeys.map((key) => found.get(key) ?? null);
        },
        { cacheKeyFn: idKeyOf, maxBatchSize: 1000 },
      );
      this.loaders.set(type, loader);
    }
    return loader;
  }
}
