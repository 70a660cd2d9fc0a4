import { randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { planOf, QUOTA_WINDOW_DAYS, type Plan } from '../config/plans';
import type { Database } from '../database/database';
import { buildAccountView, type AccountView } from './accountView';
import { LastUsedWriter } from './lastUsedWriter';
import { burstShare, quotaRemaining, quotaSpent } from './limitDecisions';
import { rateLimitHeaders } from './rateLimitHeaders';
import { UsageRecorder } from './usageRecorder';
import { UsageStore } from './usageStore';
import { dayOf, quotaFreesUpAt, todayOf, windowDays } from './usageWindow';

/** Counts are flushed and every account's view refreshed this often. */
export const QUOTA_TICK_MS = 500;
/** An account not served for this long is no longer refreshed here. */
const IDLE_ACCOUNT_MS = 10 * 60_000;
/** Counters are kept this many days (the window plus a margin), then swept. */
const KEPT_DAYS = QUOTA_WINDOW_DAYS + 2;
const SWEEP_EVERY_MS = 3_600_000;

/** What the gateway answers a request with, as far as limits go. */
export type Admission =
  | { outcome: 'call'; headers: Record<string, string> }
  | { outcome: 'refusedBurst'; headers: Record<string, string>; retryAfterSeconds: number }
  | { outcome: 'refusedQuota'; headers: Record<string, string>; freesUpAt?: number };

/**
 * The per-instance quota runtime. The request path decides from memory only: the account's view
 * (refreshed from the database every `QUOTA_TICK_MS`; read once, not written, on an account's
 * first request here) plus what this instance counted since, and this instance's share of the
 * burst (rate-limiter-flexible's in-memory limiter). Counts go to the database in the background.
 */
export class QuotaRuntime {
  readonly instance = randomBytes(6).toString('hex');
  private readonly recorder = new UsageRecorder(this.instance);
  private readonly store: UsageStore;
  private readonly lastUsed: LastUsedWriter;
  private readonly views = new Map<string, AccountView>();
  private readonly loading = new Map<string, Promise<AccountView>>();
  private readonly burstLimiters = new Map<number, RateLimiterMemory>();
  private live = 1;
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private lastSweep = 0;

  constructor(
    database: Database,
    private readonly plans: Readonly<Record<string, Plan>>,
    private readonly now: () => number = Date.now,
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
  }

  /** Decides one authenticated request and counts it (a call, or a refusal). */
  async admit(accountId: string, keyId: string): Promise<Admission> {
    const now = this.now();
    const view = this.views.get(accountId) ?? (await this.load(accountId));
    view.lastSeenMs = now;
    const { plan } = view;
    const day = todayOf(now);
    const used = view.baseCalls + this.recorder.heldCalls(accountId);
    // Under the quota the headers use the release time of the last refresh (today's calls leave last).
    const freesUp = () => view.nextReleaseAt ?? now + QUOTA_WINDOW_DAYS * 86_400_000;
    if (quotaSpent(plan, used)) {
      this.recorder.record(accountId, keyId, day, 'refusedQuota');
      const at = quotaFreesUpAt(this.callsByDay(view, accountId, day), plan.callsPer30Days ?? 0, now);
      const headers = rateLimitHeaders({ plan, burstRemaining: 0, burstResetSeconds: 0, quotaRemaining: 0, quotaResetSeconds: seconds(at, now) });
      return { outcome: 'refusedQuota', headers, freesUpAt: at };
    }
    let burstRemaining = 0;
    let burstResetSeconds = 0;
    const share = burstShare(plan.burstPerSecond, this.live);
    if (share !== null) {
      const result = share === 0 ? undefined : await this.burstLimiter(share).consume(accountId).catch((refusal: unknown) => refusal);
      if (!(result instanceof RateLimiterRes) || result.consumedPoints > share) {
        this.recorder.record(accountId, keyId, day, 'refusedBurst');
        const retryAfterSeconds = result instanceof RateLimiterRes ? Math.max(1, Math.ceil(result.msBeforeNext / 1000)) : 1;
        const remaining = quotaRemaining(plan, used) ?? 0;
        const headers = rateLimitHeaders({ plan, burstRemaining: 0, burstResetSeconds: retryAfterSeconds, quotaRemaining: remaining, quotaResetSeconds: seconds(freesUp(), now) });
        return { outcome: 'refusedBurst', headers, retryAfterSeconds };
      }
      burstRemaining = result.remainingPoints;
      burstResetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    }
    this.recorder.record(accountId, keyId, day, 'call');
    this.lastUsed.touch(keyId, now);
    if (plan.burstPerSecond === null && plan.callsPer30Days === null) return { outcome: 'call', headers: {} };
    const remaining = (quotaRemaining(plan, used + 1) ?? 0);
    const quotaResetSeconds = plan.callsPer30Days === null ? 0 : seconds(freesUp(), now);
    return { outcome: 'call', headers: rateLimitHeaders({ plan, burstRemaining, burstResetSeconds, quotaRemaining: remaining, quotaResetSeconds }) };
  }

  /** One flush and refresh that starts after this call (everything counted before it is written). */
  async tick(): Promise<void> {
    while (this.ticking) await this.ticking;
    const run = this.runTick().catch((error: Error) => {
      console.error('[contentgate] usage flush/refresh failed (retried next tick):', error.message);
    });
    this.ticking = run.finally(() => {
      if (this.ticking === tracked) this.ticking = undefined;
    });
    const tracked = this.ticking;
    await tracked;
  }

  private async runTick(): Promise<void> {
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
    if (now - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = now;
      await this.store.sweep(windowDays(now, KEPT_DAYS)[0], now);
    }
  }

  /** Re-reads the accounts' counters and plans (and the live instances) into their views. */
  private async refresh(accountIds: string[], now: number): Promise<void> {
    const firstDay = windowDays(now)[0];
    const [counters, plans, live] = await Promise.all([this.store.counters(accountIds, firstDay), this.store.plans(accountIds), this.store.liveInstances(now)]);
    this.live = live;
    const byAccount = new Map<string, typeof counters>();
    for (const counter of counters) {
      const list = byAccount.get(counter.accountId) ?? [];
      list.push(counter);
      byAccount.set(counter.accountId, list);
    }
    for (const accountId of accountIds) {
      const previous = this.views.get(accountId);
      const plan = planOf(this.plans, plans.get(accountId));
      const view = buildAccountView(plan, byAccount.get(accountId) ?? [], firstDay, (id) => this.recorder.holds(id), previous?.lastSeenMs ?? now);
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

  private burstLimiter(points: number): RateLimiterMemory {
    let limiter = this.burstLimiters.get(points);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points, duration: 1 });
      this.burstLimiters.set(points, limiter);
    }
    return limiter;
  }
}

function seconds(at: number | undefined, now: number): number {
  return at === undefined ? 0 : Math.max(1, Math.ceil((at - now) / 1000));
}
