/**
 * How long knowledge of the file system kept between lints (resolver caches, which folder holds the
 * nearest package.json) is trusted: it is dropped when a file is linted after a pause (an editor
 * between edits, so a file created meanwhile is seen at once), and at the latest after a while of
 * continuous linting; a CLI run lints without pauses and keeps it.
 */
const IDLE_MS = 1000;
const MAX_AGE_MS = 10_000;

export interface Freshness {
  /** Call when a file is linted: true when what the caller keeps must be dropped now. */
  expired(): boolean;
}

export function createFreshness(): Freshness {
  let since = Date.now();
  let lastUsedAt = since;
  return {
    expired() {
      const now = Date.now();
      const stale = now - lastUsedAt > IDLE_MS || now - since > MAX_AGE_MS;
      if (stale) since = now;
      lastUsedAt = now;
      return stale;
    },
  };
}
