import { readFileSync } from 'node:fs';

/** A value in bytes from /proc/<pid>/status (`VmRSS`, `VmHWM`), or undefined when unreadable. */
export function procStatusBytes(pid: number, key: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Peak resident memory, sampled every 250 ms: this process (`process.memoryUsage().rss`: the
 * gateway; the load generator runs in a child) and, when its pid is known, the database process
 * (`VmRSS`; its kernel high-water mark `VmHWM` is read as well at the end).
 */
export class MemorySampler {
  nodePeak = 0;
  databasePeak = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly databasePid: number | undefined) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  sample(): void {
    this.nodePeak = Math.max(this.nodePeak, process.memoryUsage().rss);
    if (this.databasePid !== undefined) this.databasePeak = Math.max(this.databasePeak, procStatusBytes(this.databasePid, 'VmRSS') ?? 0);
  }

  /** Stops sampling; the peaks, with the database's VmHWM if readable. */
  stop(): { nodePeakRss: number; databasePeakRss?: number; databaseVmHWM?: number } {
    clearInterval(this.timer);
    this.sample();
    if (this.databasePid === undefined) return { nodePeakRss: this.nodePeak };
    return { nodePeakRss: this.nodePeak, databasePeakRss: this.databasePeak || undefined, databaseVmHWM: procStatusBytes(this.databasePid, 'VmHWM') };
  }
}
