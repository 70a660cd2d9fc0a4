/** What one request did to its account's usage. */
export type CallOutcome = 'call' | 'refusedBurst' | 'refusedQuota';

/** This instance's totals for one key on one UTC day. */
export interface UsageEntry {
  id: string;
  accountId: string;
  keyId: string;
  day: string;
  calls: number;
  refusedBurst: number;
  refusedQuota: number;
}

type Totals = Pick<UsageEntry, 'calls' | 'refusedBurst' | 'refusedQuota'>;

/**
 * Counts in process what this instance admitted and refused, per key and UTC day, as absolute
 * totals since the instance started. The request path only adds to a map; a background flush
 * writes the changed entries (`dirty`) and marks what it wrote (`written`), so an entry counted
 * while its write was in flight stays dirty. Entries of past days are dropped once written.
 */
export class UsageRecorder {
  private readonly entries = new Map<string, UsageEntry>();
  private readonly written = new Map<string, Totals>();
  /** Calls per account held in memory (the part of its usage the database may not have yet). */
  private readonly accountCalls = new Map<string, number>();

  constructor(readonly instance: string) {}

  /** Adds one request's outcome. */
  record(accountId: string, keyId: string, day: string, outcome: CallOutcome): void {
    const id = `${accountId}|${day}|${keyId}|${this.instance}`;
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, accountId, keyId, day, calls: 0, refusedBurst: 0, refusedQuota: 0 };
      this.entries.set(id, entry);
    }
    entry[outcome === 'call' ? 'calls' : outcome]++;
    if (outcome === 'call') this.accountCalls.set(accountId, (this.accountCalls.get(accountId) ?? 0) + 1);
  }

  /** Calls of an account counted here and still held in memory. */
  heldCalls(accountId: string): number {
    return this.accountCalls.get(accountId) ?? 0;
  }

  /** Whether this instance holds the entry with this `_id` (the database copy is then not added). */
  holds(id: string): boolean {
    return this.entries.has(id);
  }

  /** Copies of the entries changed since they were last written. */
  dirty(): UsageEntry[] {
    const changed: UsageEntry[] = [];
    for (const entry of this.entries.values()) {
      const last = this.written.get(entry.id);
      if (!last || last.calls !== entry.calls || last.refusedBurst !== entry.refusedBurst || last.refusedQuota !== entry.refusedQuota) {
        changed.push({ ...entry });
      }
    }
    return changed;
  }

  /** Marks these copies as written. */
  markWritten(copies: readonly UsageEntry[]): void {
    for (const copy of copies) this.written.set(copy.id, { calls: copy.calls, refusedBurst: copy.refusedBurst, refusedQuota: copy.refusedQuota });
  }

  /** Drops entries of days before `today` that are fully written (the database has them); returns them. */
  dropWrittenBefore(today: string): UsageEntry[] {
    const dropped: UsageEntry[] = [];
    for (const [id, entry] of this.entries) {
      const last = this.written.get(id);
      if (entry.day >= today || !last || last.calls !== entry.calls || last.refusedBurst !== entry.refusedBurst || last.refusedQuota !== entry.refusedQuota) continue;
      this.entries.delete(id);
      this.written.delete(id);
      dropped.push(entry);
      const held = (this.accountCalls.get(entry.accountId) ?? 0) - entry.calls;
      if (held > 0) this.accountCalls.set(entry.accountId, held);
      else this.accountCalls.delete(entry.accountId);
    }
    return dropped;
  }
}
