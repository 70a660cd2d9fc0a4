import { DEFAULT_PLANS, type Plan } from '../../../src/config/plans';
import { burstShare, quotaRemaining, quotaSpent, servingInstances, SERVING_MS } from '../../../src/quotas/limitDecisions';
import { takeBurst, emptyBurstWindow } from '../../../src/quotas/burstWindow';
import { rateLimitPolicy, rateLimitValue } from '../../../src/quotas/rateLimitHeaders';
import { dayOf, quotaFreesUpAt, windowDays } from '../../../src/quotas/usageWindow';

const NOW = Date.parse('2026-03-31T18:00:00Z');
const plan = (callsPer30Days: number | null, burstPerSecond: number | null): Plan => ({ name: 'p', callsPer30Days, burstPerSecond, maxUserKeys: 1 });

describe('burst share per instance', () => {
  it.each([
    [null, 3, null],
    [0, 1, 0],
    [10, 1, 10],
    [10, 3, 4],
    [2, 5, 1],
    [10, 0, 10],
  ])('burst %s over %s live instances → %s', (burst, live, share) => {
    expect(burstShare(burst, live)).toBe(share);
  });
});

describe('instances serving an account (they share its burst)', () => {
  const at = (instance: string, ageMs: number) => ({ instance, at: NOW - ageMs });
  it.each([
    ['no counters: this instance alone', [], 1],
    ['only its own counters', [at('me', 0), at('me', 100)], 1],
    ['another wrote just now', [at('me', 0), at('b', 200)], 2],
    ['another wrote at the edge of the window', [at('b', SERVING_MS)], 2],
    ['another stopped serving it a while ago', [at('b', SERVING_MS + 1)], 1],
    ['two others, one with several keys', [at('b', 0), at('b', 10), at('c', 4000), at('d', 60_000)], 3],
    ['a folded counter of gone instances', [at('*', 3_600_000)], 1],
  ])('%s → %s', (_what, counters, serving) => {
    expect(servingInstances(counters, 'me', NOW)).toBe(serving);
  });
  it('alone, an instance takes the whole burst; with others, its rounded-up share', () => {
    const shares = [[], [at('b', 0)], [at('b', 0), at('c', 0)]].map((counters) => burstShare(20, servingInstances(counters, 'me', NOW)));
    expect(shares).toEqual([20, 10, 7]);
  });
});

describe('the burst window (one whole second of the clock)', () => {
  // Each row: calls at these times (ms) against a share; what each call gets (calls left, −1 refused).
  it.each([
    ['admits the share, then refuses', 3, [1000, 1100, 1200, 1300, 1999], [2, 1, 0, -1, -1]],
    ['starts again at the next whole second', 2, [1500, 1600, 1700, 2000, 2001], [1, 0, -1, 1, 0]],
    ['a refusal is not counted', 1, [1000, 1001, 2500, 2600], [0, -1, 0, -1]],
    ['a share of 0 refuses everything', 0, [1000, 5000], [-1, -1]],
    ['a gap of seconds forgets the old count', 2, [1000, 1001, 9000], [1, 0, 1]],
  ])('%s', (_what, share, times, expected) => {
    const window = emptyBurstWindow();
    expect(times.map((at) => takeBurst(window, share, at))).toEqual(expected);
  });
});

describe('quota decisions', () => {
  it.each([
    [plan(10, null), 9, false, 1],
    [plan(10, null), 10, true, 0],
    [plan(10, null), 12, true, 0],
    [plan(0, null), 0, true, 0],
    [plan(null, 5), 1e9, false, null],
  ])('%j with %s used: spent %s, remaining %s', (p, used, spent, remaining) => {
    expect(quotaSpent(p, used)).toBe(spent);
    expect(quotaRemaining(p, used)).toBe(remaining);
  });
});

describe('the rolling window', () => {
  it('is today and the 29 days before, in UTC days', () => {
    const days = windowDays(NOW);
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-03-02');
    expect(days[29]).toBe(dayOf(NOW));
    expect(dayOf(Date.parse('2026-03-31T23:59:59.999Z'))).toBe('2026-03-31');
  });

  const midnight = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  it.each([
    ['nothing counted', {}, 10, undefined],
    ['spent by the oldest day: frees up tomorrow', { '2026-03-02': 10 }, 10, midnight('2026-04-01')],
    ['spent by today: frees up when today leaves', { '2026-03-31': 10 }, 10, midnight('2026-04-30')],
    ['needs two days to leave', { '2026-03-05': 4, '2026-03-10': 4, '2026-03-31': 4 }, 8, midnight('2026-04-09')],
    ['under the quota: the next midnight that frees any', { '2026-03-05': 1 }, 10, midnight('2026-04-04')],
    ['days before the window do not count', { '2026-03-01': 50, '2026-03-20': 1 }, 1, midnight('2026-04-19')],
  ])('%s', (_what, days, quota, expected) => {
    expect(quotaFreesUpAt(new Map(Object.entries(days)), quota, NOW)).toBe(expected);
  });
});

describe('RateLimit headers (IETF httpapi draft)', () => {
  const state = { burstRemaining: 7, burstResetSeconds: 1, quotaRemaining: 99, quotaResetSeconds: 3600 };
  it.each([
    [DEFAULT_PLANS.free, '"burst";q=20;w=1, "quota";q=100000;w=2592000', '"burst";r=7;t=1, "quota";r=99;t=3600'],
    [plan(5, null), '"quota";q=5;w=2592000', '"quota";r=99;t=3600'],
    [plan(null, 3), '"burst";q=3;w=1', '"burst";r=7;t=1'],
  ])('for %j', (p, policy, limit) => {
    expect([rateLimitPolicy(p), rateLimitValue({ plan: p, ...state })]).toEqual([policy, limit]);
  });
  it('are absent when the plan limits nothing, and never negative', () => {
    expect([rateLimitPolicy(plan(null, null)), rateLimitValue({ plan: plan(null, null), ...state })]).toEqual([undefined, undefined]);
    expect(rateLimitValue({ plan: plan(1, 1), burstRemaining: -2, burstResetSeconds: 0, quotaRemaining: -1, quotaResetSeconds: -5 })).toBe('"burst";r=0;t=0, "quota";r=0;t=0');
  });
});
