/** This instance's count of one account's calls in the current whole second of the clock. */
export interface BurstWindow {
  second: number;
  count: number;
}

/** A window that has counted nothing yet. */
export function emptyBurstWindow(): BurstWindow {
  return { second: 0, count: 0 };
}

/**
 * Takes one call from this instance's share of an account's burst, in a fixed one-second window
 * aligned to whole seconds: the calls left in this second after it, or −1 when the share is spent
 * (the call is refused and not counted). A refused caller may retry after 1 s (the window restarts
 * within it). Synchronous on purpose: rate-limiter-flexible's memory limiter answers only with a
 * promise, which the request path would have to wait on for every call.
 */
export function takeBurst(window: BurstWindow, share: number, nowMs: number): number {
  const second = Math.floor(nowMs / 1000);
  if (window.second !== second) {
    window.second = second;
    window.count = 0;
  }
  if (window.count >= share) return -1;
  window.count++;
  return share - window.count;
}
