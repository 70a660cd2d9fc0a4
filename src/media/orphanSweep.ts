import type { FoundFile, MediaFiles } from './mediaFiles';

/** How a sweep is paced. */
export interface SweepOptions {
  /** A file younger than this is never removed: its upload may still be writing its object. */
  graceMs: number;
  /** Files examined per run (each costs one object lookup). */
  batch: number;
}

/** Whether an account still has a live `_media` object of an id; throws when that cannot be told. */
export type ObjectExists = (accountId: string, id: string) => Promise<boolean>;

/** What one run did. */
export interface SweepRun {
  examined: number;
  removed: number;
}

/**
 * Whether a stored file is an orphan to remove (pure): it names an account and object, is older
 * than the grace period, and that account has no live object of that id.
 */
export function isOrphan(file: Pick<FoundFile, 'accountId' | 'idKey' | 'uploadDate'>, now: Date, graceMs: number, objectExists: boolean): boolean {
  if (typeof file.accountId !== 'string' || typeof file.idKey !== 'string') return false;
  return now.getTime() - file.uploadDate.getTime() > graceMs && !objectExists;
}

/**
 * Removes GridFS files no `_media` object owns: left by a crash between writing an upload's file
 * and its object, or between deleting an object and its file. Each run examines at most `batch`
 * files older than the grace period, oldest first, going on from where the last run stopped and
 * starting over after the newest; a file whose object cannot be looked up is kept. Any number of
 * instances may sweep at once (removing a file twice is no error).
 */
export class OrphanSweep {
  private after: Date | undefined;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly files: MediaFiles,
    private readonly objectExists: ObjectExists,
    private readonly options: SweepOptions,
  ) {}

  /** One bounded run. */
  async runOnce(now = new Date()): Promise<SweepRun> {
    const cutoff = new Date(now.getTime() - this.options.graceMs);
    const batch = await this.files.writtenBetween(this.after, cutoff, this.options.batch);
    this.after = batch.length < this.options.batch ? undefined : batch[batch.length - 1].uploadDate;
    let removed = 0;
    for (const file of batch) {
      const exists = await this.objectExists(file.accountId, file.idKey).catch(() => true);
      if (!isOrphan(file, now, this.options.graceMs, exists)) continue;
      await this.files.removeFile(file.fileId);
      removed += 1;
    }
    return { examined: batch.length, removed };
  }

  /**
   * Runs now and then every `intervalMs` (0: only now), never keeping the process alive; failures
   * are reported to `onError`. A second start does nothing.
   */
  start(intervalMs: number, onError: (error: Error) => void): void {
    if (this.started) return;
    this.started = true;
    const run = () => {
      this.running = this.running.then(() => this.runOnce()).catch(onError);
    };
    run();
    if (intervalMs > 0) {
      this.timer = setInterval(run, intervalMs);
      this.timer.unref();
    }
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
