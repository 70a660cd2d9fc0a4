import { runAtOnce, runInSlices, type Steps } from '../../../src/utils/slicedWork';

function* counted(steps: number, log: string[]): Steps<number> {
  for (let i = 0; i < steps; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return steps * 10;
}

/** Runs `run` while a self-rescheduling `setImmediate` probe logs each turn it gets. */
async function withProbe<T>(log: string[], run: () => Promise<T> | T): Promise<T> {
  let stopped = false;
  const probe = () => {
    if (stopped) return;
    log.push('other work');
    setImmediate(probe);
  };
  setImmediate(probe);
  try {
    return await run();
  } finally {
    stopped = true;
  }
}

describe('sliced work', () => {
  it('runAtOnce runs every step without giving the loop back, and returns the result', async () => {
    const log: string[] = [];
    const result = await withProbe(log, () => runAtOnce(counted(5, log)));
    expect(result).toBe(50);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4']);
  });

  it.each([
    { sliceMs: 0, expected: ['step 0', 'other work', 'step 1', 'other work', 'step 2', 'other work'] },
    { sliceMs: Number.POSITIVE_INFINITY, expected: ['step 0', 'step 1', 'step 2'] },
  ])('runInSlices with slices of $sliceMs ms lets other work run only between slices', async ({ sliceMs, expected }) => {
    const log: string[] = [];
    const result = await withProbe(log, () => runInSlices(counted(3, log), sliceMs));
    expect(result).toBe(30);
    expect(log.slice(0, expected.length)).toEqual(expected);
    expect(log.filter((entry) => entry.startsWith('step'))).toHaveLength(3);
  });

  it('runInSlices gives the loop back once a slice is used up', async () => {
    function* busy(): Steps<void> {
      for (let i = 0; i < 6; i++) {
        const until = Date.now() + 3;
        while (Date.now() < until);
        yield;
      }
    }
    const log: string[] = [];
    await withProbe(log, () => runInSlices(busy(), 1));
    expect(log.filter((entry) => entry === 'other work').length).toBeGreaterThanOrEqual(5);
  });

  it('an error thrown by a step rejects the run', async () => {
    function* failing(): Steps<void> {
      yield;
      throw new Error('step failed');
    }
    await expect(runInSlices(failing(), 0)).rejects.toThrow('step failed');
    expect(() => runAtOnce(failing())).toThrow('step failed');
  });
});
