import type { Database } from '../../src/database/database';
import type { FoldableCounter } from '../../src/quotas/counterFolding';
import { UsageStore } from '../../src/quotas/usageStore';

/** Every usage counter in the database, as stored (per-account collections on FerretDB, the shared one on MongoDB). */
export async function allCounters(database: Database): Promise<FoldableCounter[]> {
  const store = new UsageStore(database);
  return (await Promise.all((await store.accountsWithCounters()).map((accountId) => store.storedCounters(accountId)))).flat();
}
