import { parseContentTopic } from '../accounts/accountContent';
import { ALL_TOPICS, type ChangeFeed } from './changeFeed';

/**
 * The version of each account's content as this instance knows it: bumped at once by a change made
 * here (the change feed notifies its own instance synchronously) and within the feed's bound by a
 * change made on another instance. Any change of an account's objects or content types moves its
 * version; a gap in the feed (`ALL_TOPICS`) moves every version. Cached reads are keyed by it (a key
 * whose rules change gets new rights, and so other cache keys, through the key cache).
 */
export class ContentVersions {
  private readonly versions = new Map<string, number>();
  private epoch = 0;

  constructor(feed: ChangeFeed) {
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) {
        this.epoch++;
        this.versions.clear();
        return;
      }
      const accountId = parseContentTopic(topic)?.accountId ?? accountOfSchemaTopic(topic);
      if (accountId) this.versions.set(accountId, (this.versions.get(accountId) ?? 0) + 1);
    });
  }

  /** The current version of an account's content (opaque; equal strings mean nothing changed). */
  of(accountId: string): string {
    return `${this.epoch}.${this.versions.get(accountId) ?? 0}`;
  }
}

/** The account of a `schema:<id>` topic; key topics are handled by the key cache. */
function accountOfSchemaTopic(topic: string): string | undefined {
  return topic.startsWith('schema:') ? topic.slice('schema:'.length) : undefined;
}
