import { KEY_LAST_USED_COLLECTION } from './lastUsedWriter';
import type { Plan } from '../config/plans';
import type { Database } from '../database/database';
import { quotaRemaining } from './limitDecisions';
import { UsageStore, type StoredCounter } from './usageStore';
import { windowDays } from './usageWindow';

/** Calls and refusals of one UTC day. */
export interface DayUsage {
  day: string;
  calls: number;
  refusedBurst: number;
  refusedQuota: number;
}

/** One key's usage over the window. */
export interface KeyUsage extends Omit<DayUsage, 'day'> {
  keyId: string;
  /** The key's name, or `(removed key)`. */
  name: string;
  kind: 'rw' | 'ro' | 'user' | null;
  /** ISO time of the last use (written at most hourly), or null. */
  lastUsedAt: string | null;
  days: DayUsage[];
}

/** An account's usage over the rolling window (what the database has: at most one flush old). */
export interface AccountUsage extends Omit<DayUsage, 'day'> {
  from: string;
  to: string;
  /** Calls left in the window, or null when the plan has no quota. */
  remaining: number | null;
  days: DayUsage[];
  keys: KeyUsage[];
}

/** The keys a report names. */
export interface ReportKey {
  id: string;
  name: string;
  kind: 'rw' | 'ro' | 'user';
  lastUsedAt?: number;
}

/** Sums counters (of every instance) per day, per key and in all, over `days` (oldest first). */
export function summariseUsage(counters: readonly StoredCounter[], keys: readonly ReportKey[], days: readonly string[], plan: Plan): AccountUsage {
  const inWindow = counters.filter((counter) => counter.day >= days[0] && counter.day <= days[days.length - 1]);
  const total = (list: readonly StoredCounter[]) => ({
    calls: list.reduce((sum, c) => sum + c.calls, 0),
    refusedBurst: list.reduce((sum, c) => sum + c.refusedBurst, 0),
    refusedQuota: list.reduce((sum, c) => sum + c.refusedQuota, 0),
  });
  const perDay = (list: readonly StoredCounter[]) => days.map((day) => ({ day, ...total(list.filter((c) => c.day === day)) }));
  const known = new Map(keys.map((key) => [key.id, key]));
  const keyIds = [...keys.map((key) => key.id), ...new Set(inWindow.map((c) => c.keyId).filter((id) => !known.has(id)))];
  const all = total(inWindow);
  return {
    from: days[0],
    to: days[days.length - 1],
    ...all,
    remaining: quotaRemaining(plan, all.calls),
    days: perDay(inWindow),
    keys: keyIds.map((keyId) => {
      const key = known.get(keyId);
      const own = inWindow.filter((c) => c.keyId === keyId);
      return {
        keyId,
        name: key?.name ?? '(removed key)',
        kind: key?.kind ?? null,
        lastUsedAt: key?.lastUsedAt ? new Date(key.lastUsedAt).toISOString() : null,
        ...total(own),
        days: perDay(own),
      };
    }),
  };
}

/** Reads an account's usage over the window ending today. */
export async function readAccountUsage(database: Database, accountId: string, plan: Plan, nowMs = Date.now()): Promise<AccountUsage> {
  const days = windowDays(nowMs);
  const [counters, keys] = await Promise.all([
    new UsageStore(database).counters([accountId], days[0]),
    database.models.apiKeys.collection.find({ accountId }, { projection: { name: 1, kind: 1, createdAt: 1 } }).toArray(),
  ]);
  const lastUsed = new Map(
    (await database.connection.db!.collection<{ _id: string; at: number }>(KEY_LAST_USED_COLLECTION).find({ _id: { $in: keys.map((key) => String(key._id)) } }).toArray()).map(
      (entry) => [entry._id, entry.at],
    ),
  );
  const order = { rw: 0, ro: 1, user: 2 } as Record<string, number>;
  const reportKeys = keys
    .map((key) => ({ id: String(key._id), name: String(key.name), kind: String(key.kind) as ReportKey['kind'], lastUsedAt: lastUsed.get(String(key._id)), createdAt: String(key.createdAt) }))
    .sort((a, b) => (order[a.kind] ?? 3) - (order[b.kind] ?? 3) || a.createdAt.localeCompare(b.createdAt));
  return summariseUsage(counters, reportKeys, days, plan);
}
