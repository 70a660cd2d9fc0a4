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
/** An entry with the running count of its account's held calls. */
type HeldEntry = UsageEntry & { held: { calls: number } };

/**
 * Counts in process what this instance admitted and refused, per key and UTC day, as absolute
 * totals since the instance started. The request path only adds to a map; a background flush
 * writes the changed entries (`dirty`) and marks what it wrote (`written`), so an entry counted
 * while its write was in flight stays dirty. Entries of past days are dropped once written.
 */
export class UsageRecorder {
  private readonly entries = new Map<string, HeldEntry>();
  private readonly written = new Map<string, Totals>();
  /** Calls per account held in memory (the part of its usage the database may not have yet). */
  private readonly accountCalls = new Map<string, { calls: number }>();
  /** Each key's latest entry, so counting a call builds no `_id` string. */
  private readonly latest = new Map<string, HeldEntry>();

  constructor(readonly instance: string) {}

  /** Adds one request's outcome. */
  record(accountId: string, keyId: string, day: string, outcome: CallOutcome): void {
    let entry = this.latest.get(keyId);
    if (!entry || entry.day !== day || entry.accountId !== accountId) {
      const id = `${accountId}|${day}|${keyId}|${this.instance}`;
      entry = this.entries.get(id);
      if (!entry) {
        let held = this.accountCalls.get(accountId);
        if (!held) this.accountCalls.set(accountId, (held = { calls: 0 }));
        entry = { id, accountId, keyId, day, calls: 0, refusedBurst: 0, refusedQuota: 0, held };
        this.entries.set(id, entry);
      }
      this.latest.set(keyId, entry);
    }
    if (outcome === 'call') {
      entry.calls++;
      entry.held.calls++;
    } else entry[outcome]++;
  }

  /** Calls of an account counted here and still held in memory. */
  heldCalls(accountId: string): number {
    return this.accountCalls.get(accountId)?.calls ?? 0;
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
        changed.push({ id: entry.id, accountId: entry.accountId, keyId: entry.keyId, day: entry.day, calls: entry.calls, refusedBurst: entry.refusedBurst, refusedQuota: entry.refusedQuota });
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
      if (this.latest.get(entry.keyId) === entry) this.latest.delete(entry.keyId);
      dropped.push({ id, accountId: entry.accountId, keyId: entry.keyId, day: entry.day, calls: entry.calls, refusedBurst: entry.refusedBurst, refusedQuota: entry.refusedQuota });
      entry.held.calls -= entry.calls;
    }
    if (dropped.length > 0) {
      // Accounts with no entry left hold nothing here any more.
      const kept = new Set<string>();
      for (const entry of this.entries.values()) kept.add(entry.accountId);
      for (const accountId of this.accountCalls.keys()) if (!kept.has(accountId)) this.accountCalls.delete(accountId);
    }
    return dropped;
  }
}
