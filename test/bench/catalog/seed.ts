import { send } from './load';

/** Creates a CTD through the public REST API (`POST /api/v1/internal/contenttype`, read-write key). */
export async function createContentType(base: string, key: string, definition: Record<string, unknown>): Promise<void> {
  const response = await send(base, 'POST', '/api/v1/internal/contenttype', key, definition);
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`creating CTD ${String(definition.name)}: ${response.status} ${JSON.stringify(response.json).slice(0, 600)}`);
  }
}

export interface SeedResult {
  written: number;
  seconds: number;
  timedOut: boolean;
}

/**
 * Writes `items` through `POST /api/v1/content/{type}/batch` in batches of `batchSize`, one batch
 * after the other. Every item must be accepted. Stops once `budgetMs` has passed, before the next
 * batch or by abandoning the one in flight (`timedOut`); `onProgress` hears about every batch.
 */
export async function seedBatches(
  base: string,
  key: string,
  type: string,
  items: Iterable<Record<string, unknown>>,
  options: { batchSize?: number; budgetMs: number; onProgress?: (written: number, seconds: number) => void },
): Promise<SeedResult> {
  const batchSize = options.batchSize ?? 100;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let written = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async (): Promise<boolean> => {
    let response: Awaited<ReturnType<typeof send>>;
    try {
      // A batch still running when the budget ends is abandoned (the server may finish it).
      response = await send(base, 'POST', `/api/v1/content/${type}/batch`, key, batch, options.budgetMs - seconds() * 1000);
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return false;
      throw error;
    }
    if (response.status !== 200 || response.json?.batch_success_count !== batch.length) {
      throw new Error(`batch of ${batch.length} ${type} objects: ${response.status} ${JSON.stringify(response.json).slice(0, 800)}`);
    }
    written += batch.length;
    batch = [];
    options.onProgress?.(written, seconds());
    return true;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length < batchSize) continue;
    if (seconds() * 1000 > options.budgetMs || !(await flush())) return { written, seconds: seconds(), timedOut: true };
  }
  if (batch.length > 0 && (seconds() * 1000 > options.budgetMs || !(await flush()))) return { written, seconds: seconds(), timedOut: true };
  return { written, seconds: seconds(), timedOut: false };
}
