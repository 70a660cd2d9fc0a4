import { countedCounters, FOLDED_INSTANCE, planFold, type FoldableCounter } from '../../../src/quotas/counterFolding';

const counter = (instance: string, calls: number, extra: Partial<FoldableCounter> = {}): FoldableCounter => ({
  _id: `a|2026-03-31|k|${instance}`, accountId: 'a', keyId: 'k', day: '2026-03-31', instance, calls, refusedBurst: 1, refusedQuota: 0, at: 100, ...extra,
});
const folded = (calls: number, includes: string[], extra: Partial<FoldableCounter> = {}) => counter(FOLDED_INSTANCE, calls, { folded: includes, ...extra });
const sum = (counters: readonly FoldableCounter[]) => countedCounters(counters).reduce((total, c) => total + c.calls, 0);

describe('folding the counters of gone instances', () => {
  const live = new Set(['live']);
  it.each([
    ['nothing gone: nothing to do', [counter('live', 5)], { writes: [], deletes: [] }],
    [
      'two gone instances fold into one counter that names them',
      [counter('live', 5), counter('g1', 3, { at: 300 }), counter('g2', 4)],
      { writes: [folded(7, ['g1', 'g2'], { at: 300, refusedBurst: 2 })], deletes: ['a|2026-03-31|k|g1', 'a|2026-03-31|k|g2'] },
    ],
    [
      'a gone instance is added to an existing folded counter',
      [folded(10, ['g0']), counter('g1', 3)],
      { writes: [folded(13, ['g0', 'g1'], { refusedBurst: 2 })], deletes: ['a|2026-03-31|k|g1'] },
    ],
    [
      'one the folded counter already includes (a compaction stopped before its deletes) is only deleted',
      [folded(13, ['g0', 'g1']), counter('g1', 3)],
      { writes: [], deletes: ['a|2026-03-31|k|g1'] },
    ],
  ])('%s', (_what, counters, expected) => {
    const plan = planFold(counters, live);
    expect(plan.deletes).toEqual(expected.deletes);
    expect(plan.writes).toEqual(expected.writes);
  });

  it('folds each day and key apart', () => {
    const plan = planFold([counter('g', 1), counter('g', 2, { _id: 'a|2026-03-30|k|g', day: '2026-03-30' }), counter('g', 4, { _id: 'a|2026-03-31|k2|g', keyId: 'k2' })], live);
    expect(plan.writes.map((w) => [w._id, w.calls])).toEqual([
      ['a|2026-03-31|k|*', 1],
      ['a|2026-03-30|k|*', 2],
      ['a|2026-03-31|k2|*', 4],
    ]);
  });

  it('never changes the sum readers see: before, between its write and its deletes, and after', () => {
    const before = [counter('live', 5), folded(10, ['g0']), counter('g1', 3), counter('g2', 4)];
    const plan = planFold(before, live);
    const written = [...before.filter((c) => c.instance !== FOLDED_INSTANCE), ...plan.writes];
    const after = written.filter((c) => !plan.deletes.includes(c._id));
    expect([sum(before), sum(written), sum(after)]).toEqual([22, 22, 22]);
    expect(planFold(after, live)).toEqual({ writes: [], deletes: [] });
  });

  it('readers leave out only what a folded counter of the same account, day and key includes', () => {
    const other = counter('g1', 3, { _id: 'a|2026-03-30|k|g1', day: '2026-03-30' });
    expect(countedCounters([folded(10, ['g1']), counter('g1', 3), other]).map((c) => c._id)).toEqual(['a|2026-03-31|k|*', 'a|2026-03-30|k|g1']);
  });
});
