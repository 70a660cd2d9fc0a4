import { DEFAULT_PLANS } from '../../../src/config/plans';
import { buildAccountView } from '../../../src/quotas/accountView';
import { UsageRecorder } from '../../../src/quotas/usageRecorder';
import { summariseUsage } from '../../../src/quotas/usageReport';
import type { StoredCounter } from '../../../src/quotas/usageStore';

const counter = (accountId: string, keyId: string, day: string, instance: string, calls: number, refusedBurst = 0, refusedQuota = 0): StoredCounter => ({
  _id: `${accountId}|${day}|${keyId}|${instance}`, accountId, keyId, day, instance, calls, refusedBurst, refusedQuota, at: 0,
});

describe('the usage recorder', () => {
  it('keeps absolute totals per key and day; an entry changed during its write stays dirty', () => {
    const recorder = new UsageRecorder('me');
    recorder.record('a', 'k1', '2026-03-31', 'call');
    recorder.record('a', 'k1', '2026-03-31', 'call');
    recorder.record('a', 'k2', '2026-03-31', 'refusedBurst');
    recorder.record('b', 'k3', '2026-03-31', 'refusedQuota');
    const first = recorder.dirty();
    expect(first.map((e) => [e.id, e.calls, e.refusedBurst, e.refusedQuota])).toEqual([
      ['a|2026-03-31|k1|me', 2, 0, 0],
      ['a|2026-03-31|k2|me', 0, 1, 0],
      ['b|2026-03-31|k3|me', 0, 0, 1],
    ]);
    recorder.record('a', 'k1', '2026-03-31', 'call'); // lands while `first` is being written
    recorder.markWritten(first);
    expect(recorder.dirty().map((e) => [e.id, e.calls])).toEqual([['a|2026-03-31|k1|me', 3]]);
    expect(recorder.heldCalls('a')).toBe(3);
    expect(recorder.heldCalls('b')).toBe(0);
  });

  it('drops written entries of past days only', () => {
    const recorder = new UsageRecorder('me');
    recorder.record('a', 'k', '2026-03-30', 'call');
    recorder.record('a', 'k', '2026-03-31', 'call');
    recorder.markWritten(recorder.dirty());
    recorder.record('a', 'k2', '2026-03-30', 'call'); // not written yet
    expect(recorder.dropWrittenBefore('2026-03-31').map((e) => e.id)).toEqual(['a|2026-03-30|k|me']);
    expect(recorder.holds('a|2026-03-30|k|me')).toBe(false);
    expect(recorder.holds('a|2026-03-31|k|me')).toBe(true);
    expect(recorder.heldCalls('a')).toBe(2);
  });
});

describe("an account's view", () => {
  it('counts every instance once: stored counters this instance still holds are left to its memory', () => {
    const counters = [
      counter('a', 'k', '2026-03-31', 'me', 5),
      counter('a', 'k', '2026-03-31', 'other', 7),
      counter('a', 'k2', '2026-03-30', 'me', 2),
      counter('a', 'k', '2026-03-01', 'other', 100), // before the window
    ];
    const view = buildAccountView(DEFAULT_PLANS.free, counters, '2026-03-02', (id) => id === 'a|2026-03-31|k|me', 1);
    expect(view.baseCalls).toBe(9);
    expect([...view.callsByDay]).toEqual([['2026-03-31', 7], ['2026-03-30', 2]]);
  });
});

describe('the usage report', () => {
  it('sums per day, per key and in all; removed keys that made calls are named so', () => {
    const days = ['2026-03-30', '2026-03-31'];
    const report = summariseUsage(
      [counter('a', 'k1', '2026-03-30', 'i1', 3, 1), counter('a', 'k1', '2026-03-31', 'i2', 4, 0, 2), counter('a', 'gone', '2026-03-31', 'i1', 1), counter('a', 'k1', '2026-03-29', 'i1', 50)],
      [{ id: 'k1', name: 'Reader', kind: 'ro', lastUsedAt: Date.parse('2026-03-31T10:00:00Z') }, { id: 'k2', name: 'Idle', kind: 'user' }],
      days,
      { ...DEFAULT_PLANS.free, callsPer30Days: 10 },
    );
    expect(report).toMatchObject({ from: '2026-03-30', to: '2026-03-31', calls: 8, refusedBurst: 1, refusedQuota: 2, remaining: 2 });
    expect(report.days).toEqual([
      { day: '2026-03-30', calls: 3, refusedBurst: 1, refusedQuota: 0 },
      { day: '2026-03-31', calls: 5, refusedBurst: 0, refusedQuota: 2 },
    ]);
    expect(report.keys.map((k) => [k.keyId, k.name, k.kind, k.calls, k.lastUsedAt, k.days.map((d) => d.calls)])).toEqual([
      ['k1', 'Reader', 'ro', 7, '2026-03-31T10:00:00.000Z', [3, 4]],
      ['k2', 'Idle', 'user', 0, null, [0, 0]],
      ['gone', '(removed key)', null, 1, null, [0, 1]],
    ]);
  });
});
