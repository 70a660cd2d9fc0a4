import { ResultBudget } from '../../../src/operations/resultBudget';

describe('ResultBudget', () => {
  it.each([
    { max: 10, charges: [10], refusedAt: undefined },
    { max: 10, charges: [4, 6], refusedAt: undefined },
    { max: 10, charges: [11], refusedAt: 0 },
    { max: 10, charges: [5, 5, 1], refusedAt: 2 },
    { max: 10, charges: [5, 6, 0], refusedAt: 1 },
    { max: 1, charges: [0, 0, 1, 0], refusedAt: undefined },
  ])('max $max, charges $charges: refused at charge $refusedAt', ({ max, charges, refusedAt }) => {
    const budget = new ResultBudget(max);
    const refusals = charges.map((count) => {
      try {
        budget.charge(count);
        return undefined;
      } catch (error) {
        return (error as { code?: string; status?: number }).code;
      }
    });
    const first = refusals.findIndex((code) => code !== undefined);
    expect(first === -1 ? undefined : first).toBe(refusedAt);
    // Once over, every later charge is refused too, and the request counts as over its budget.
    if (refusedAt !== undefined) expect(refusals.slice(refusedAt)).toEqual(refusals.slice(refusedAt).map(() => 'RESULT_TOO_LARGE'));
    expect(budget.exceeded).toBe(refusedAt !== undefined);
  });
});
