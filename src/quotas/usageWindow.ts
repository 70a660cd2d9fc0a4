import { QUOTA_WINDOW_DAYS } from '../config/plans';

const DAY_MS = 86_400_000;

/** The UTC day (`YYYY-MM-DD`) of a time. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

let lastWindow: { today: number; length: number; days: readonly string[] } | undefined;

/** The days of the rolling window ending today, oldest first (`QUOTA_WINDOW_DAYS` of them; the last answer is reused all day). */
export function windowDays(nowMs: number, days = QUOTA_WINDOW_DAYS): readonly string[] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  if (lastWindow?.today === today && lastWindow.length === days) return lastWindow.days;
  const list = Object.freeze(Array.from({ length: days }, (_, i) => dayOf(today - (days - 1 - i) * DAY_MS)));
  lastWindow = { today, length: days, days: list };
  return list;
}

/** The UTC day of a time, without formatting a date while the day is the window's last. */
export function todayOf(nowMs: number): string {
  const days = windowDays(nowMs);
  return days[days.length - 1];
}

/**
 * When calls free up in the rolling window: the first UTC midnight after which fewer than
 * `quota` calls remain counted (calls of day D leave the window at the start of D + window days).
 * Under the quota it is the next midnight that frees any calls. `undefined` when nothing ever
 * frees up (no calls counted, or a quota of 0).
 */
export function quotaFreesUpAt(callsByDay: ReadonlyMap<string, number>, quota: number, nowMs: number): number | undefined {
  const days = windowDays(nowMs);
  let counted = days.reduce((sum, day) => sum + (callsByDay.get(day) ?? 0), 0);
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  for (const [i, day] of days.entries()) {
    const calls = callsByDay.get(day) ?? 0;
    if (calls === 0) continue;
    counted -= calls;
    // days[i] leaves the window at the start of the day QUOTA_WINDOW_DAYS after it.
    if (counted < quota) return today + (i + 1) * DAY_MS;
  }
  return undefined;
}
