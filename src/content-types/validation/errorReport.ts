import type { FieldErrors } from '../../errors/appError';

/**
 * Collects every CTD problem as Flotiq's `{path: [messages]}` map; decides that a message is kept
 * once per path, in the order first reported.
 */
export class Report {
  private readonly messages = new Map<string, string[]>();

  add(path: string, message: string): void {
    const list = this.messages.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    this.messages.set(path, list);
  }

  isEmpty(): boolean {
    return this.messages.size === 0;
  }

  failure(): { ok: false; errors: FieldErrors } {
    // fromEntries defines own properties, so even a `__proto__` path stays a plain key.
    return { ok: false, errors: Object.fromEntries(this.messages) };
  }
}
