import { performance } from 'node:perf_hooks';

/**
 * A long synchronous computation written as a generator: it `yield`s wherever it may give the
 * event loop back (between content types, between schema types) and returns its result. One
 * implementation serves both drivers below, so scripts and tests build exactly what the server
 * builds.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once (scripts, tests, snapshots). */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long the server lets one slice of a long computation hold the event loop. */
export const DEFAULT_SLICE_MS = 8;

/**
 * Runs `steps`, giving the event loop back (`setImmediate`, so pending I/O runs first) whenever a
 * slice of `sliceMs` has been used. Other requests are served between slices: the longest block is
 * one slice plus the longest single step, whatever the size of the whole computation.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
