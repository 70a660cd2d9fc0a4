import { randomBytes } from 'node:crypto';
import { planOf, QUOTA_WINDOW_DAYS, type Plan } from '../config/plans';
import type { Database } from '../database/database';
import { buildAccountView, type AccountView } from './accountView';
import { LastUsedWriter } from './lastUsedWriter';
import { compactGoneInstances } from './counterCompaction';
import { burstShare, quotaRemaining, quotaSpent, servingInstances } from './limitDecisions';
import { takeBurst } from './burstWindow';
import { rateLimitValue } from './rateLimitHeaders';
import { UsageRecorder, type CallOutcome } from './usageRecorder';
import { UsageStore } from './usageStore';
import { dayOf, quotaFreesUpAt, todayOf, windowDays } from './usageWindow';

/** Counts are flushed and every account's view refreshed this often. */
export const QUOTA_TICK_MS = 500;
/** An account not served for this long is no longer refreshed here. */
const IDLE_ACCOUNT_MS = 10 * 60_000;
/** Counters are kept this many days (the window plus a margin), then swept. */
const KEPT_DAYS = QUOTA_WINDOW_DAYS + 2;
const SWEEP_EVERY_MS = 3_600_000;

/**
 * What the gateway answers a request with, as far as limits go: the outcome, the `RateLimit-Policy`
 * and `RateLimit` header values (absent when the plan limits nothing), the seconds a burst refusal
 * asks to wait, and when calls free up after a quota refusal.
 */
export interface Admission {
  outcome: CallOutcome;
  policy?: string;
  limit?: string;
  retryAfterSeconds?: number;
  freesUpAt?: number;
}

/**
 * The per-instance quota runtime. The request path decides from memory only: the account's view
 * (refreshed from the database every `QUOTA_TICK_MS`; read once, not written, on an account's
 * first request here) plus what this instance counted since, and this instance's share of the
 * burst (a one-second window in memory). Counts go to the database in the background.
 */
export class QuotaRuntime {
  readonly instance = randomBytes(6).toString('hex');
  private readonly recorder = new UsageRecorder(this.instance);
  private readonly store: UsageStore;
  private readonly lastUsed: LastUsedWriter;
  private readonly views = new Map<string, AccountView>();
  private readonly loading = new Map<string, Promise<AccountView>>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private lastSweep = 0;
  private maintaining?: Promise<void>;

  constructor(
    private readonly database: Database,
    private readonly plans: Readonly<Record<string, Plan>>,
    private readonly now: () => number = Date.now,
    /** Where a failed flush is reported (it is retried at the next tick). */
    private readonly warn: (message: string) => void = (message) => console.error(`[contentgate] ${message}`),
  ) {
    this.store = new UsageStore(database);
    this.lastUsed = new LastUsedWriter(database);
  }

  /** Starts the background flush and refresh. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.ticking) void this.tick();
    }, QUOTA_TICK_MS);
    this.timer.unref();
  }

  /** Stops the background work after a last flush. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await this.tick();
    await this.maintaining;
  }

  /**
   * Decides one authenticated request and counts it (a call, or a refusal). Synchronous once the
   * account's view is here (every request but an account's first on this instance), so the request
   * path waits on nothing.
   */
  admit(accountId: string, keyId: string): Admission | Promise<Admission> {
    const view = this.views.get(accountId);
    if (!view) return this.load(accountId).then((loaded) => this.decide(loaded, accountId, keyId));
    return this.decide(view, accountId, keyId);
  }

  private decide(view: AccountView, accountId: string, keyId: string): Admission {
    const now = this.now();
    view.lastSeenMs = now;
    const { plan, policy } = view;
    const day = todayOf(now);
    const used = view.baseCalls + this.recorder.heldCalls(accountId);
    if (quotaSpent(plan, used)) {
      this.recorder.record(accountId, keyId, day, 'refusedQuota');
      const at = quotaFreesUpAt(this.callsByDay(view, accountId, day), plan.callsPer30Days ?? 0, now);
      const limit = rateLimitValue({ plan, burstRemaining: 0, burstResetSeconds: 0, quotaRemaining: 0, quotaResetSeconds: seconds(at, now) });
      return { outcome: 'refusedQuota', policy, limit, freesUpAt: at };
    }
    // Under the quota the headers use the release time of the last refresh (today's calls leave last).
    const quotaResetSeconds = plan.callsPer30Days === null ? 0 : seconds(view.nextReleaseAt ?? now + QUOTA_WINDOW_DAYS * 86_400_000, now);
    let burstRemaining = 0;
    if (view.burstShare !== null) {
      burstRemaining = takeBurst(view.burst, view.burstShare, now);
      if (burstRemaining < 0) {
        this.recorder.record(accountId, keyId, day, 'refusedBurst');
        const limit = rateLimitValue({ plan, burstRemaining: 0, burstResetSeconds: 1, quotaRemaining: quotaRemaining(plan, used) ?? 0, quotaResetSeconds });
        return { outcome: 'refusedBurst', policy, limit, retryAfterSeconds: 1 };
      }
    }
    this.recorder.record(accountId, keyId, day, 'call');
    this.lastUsed.touch(keyId, now);
    if (policy === undefined) return { outcome: 'call' };
    const limit = rateLimitValue({ plan, burstRemaining, burstResetSeconds: 1, quotaRemaining: quotaRemaining(plan, used + 1) ?? 0, quotaResetSeconds });
    return { outcome: 'call', policy, limit };
  }

  /** One flush and refresh that starts after this call (everything counted before it is written). */
  async tick(): Promise<void> {
    while (this.ticking) await this.ticking;
    const run = this.runTick().catch((error: Error) => {
      this.warn(`usage flush/refresh failed (retried next tick): ${error.message}`);
    });
    this.ticking = run.finally(() => {
      if (this.ticking === tracked) this.ticking = undefined;
    });
    const tracked = this.ticking;
    await tracked;
  }

  private async runTick(): Promise<void> {
    // Until the database is open (it opens in the background) counts are held here, not written.
    if (!this.database.prepared) return;
    const now = this.now();
    const changed = this.recorder.dirty();
    await this.store.write(this.instance, changed, now);
    this.recorder.markWritten(changed);
    // Written entries of past days move from "held here" to the database's part at once.
    for (const dropped of this.recorder.dropWrittenBefore(dayOf(now))) {
      const view = this.views.get(dropped.accountId);
      if (view) view.baseCalls += dropped.calls;
    }
    for (const [accountId, view] of this.views) if (now - view.lastSeenMs > IDLE_ACCOUNT_MS) this.views.delete(accountId);
    await this.refresh([...this.views.keys()], now);
    await this.lastUsed.flush(); // after the refresh: a failing "last used" write never holds the views back
    if (now - this.lastSweep > SWEEP_EVERY_MS && !this.maintaining) {
      // Beside the ticks, not in them: however long it takes, flushes and refreshes go on.
      this.lastSweep = now;
      this.maintaining = this.maintain(now)
        .catch((error: Error) => console.error('[contentgate] usage sweep/compaction failed (retried in an hour):', error.message))
        .finally(() => (this.maintaining = undefined));
    }
  }

  /** Hourly: counters an earlier version kept shared moved, old counters swept, gone instances' counters folded. */
  private async maintain(now: number): Promise<void> {
    await this.store.moveSharedCounters();
    await this.store.sweep(windowDays(now, KEPT_DAYS)[0], now);
    await compactGoneInstances(this.store, now);
  }

  /** Re-reads the accounts' counters and plans into their views (and who else serves each account). */
  private async refresh(accountIds: string[], now: number): Promise<void> {
    const firstDay = windowDays(now)[0];
    const [counters, plans] = await Promise.all([this.store.counters(accountIds, firstDay), this.store.plans(accountIds)]);
    const byAccount = new Map<string, typeof counters>();
    for (const counter of counters) {
      const list = byAccount.get(counter.accountId) ?? [];
      list.push(counter);
      byAccount.set(counter.accountId, list);
    }
    for (const accountId of accountIds) {
      const previous = this.views.get(accountId);
      const plan = planOf(this.plans, plans.get(accountId));
      const own = byAccount.get(accountId) ?? [];
      const view = buildAccountView(plan, own, firstDay, (id) => this.recorder.holds(id), previous?.lastSeenMs ?? now);
      view.burstShare = burstShare(plan.burstPerSecond, servingInstances(own, this.instance, now));
      if (previous) view.burst = previous.burst;
      view.nextReleaseAt = quotaFreesUpAt(this.callsByDay(view, accountId, todayOf(now)), Number.POSITIVE_INFINITY, now);
      this.views.set(accountId, view);
    }
  }

  /** An account's first request here: one read of its counters and plan (shared by concurrent requests). */
  private load(accountId: string): Promise<AccountView> {
    let pending = this.loading.get(accountId);
    if (!pending) {
      pending = this.refresh([accountId], this.now())
        .then(() => this.views.get(accountId)!)
        .finally(() => this.loading.delete(accountId));
      this.loading.set(accountId, pending);
    }
    return pending;
  }

  private callsByDay(view: AccountView, accountId: string, today: string): Map<string, number> {
    const days = new Map(view.callsByDay);
    days.set(today, (days.get(today) ?? 0) + this.recorder.heldCalls(accountId));
    return days;
  }

}

function seconds(at: number | undefined, now: number): number {
  return at === undefined ? 0 : Math.max(1, Math.ceil((at - now) / 1000));
}
