import type { DocumentNode } from 'graphql';

/**
 * The queries the home page's first paint was drawn from (App.tsx writes their answers into Apollo's cache). The
 * screen that asks one of them first reads it from the cache instead of asking again, once: however late it mounts
 * (a busy phone still resolving its chunk), and without a time window in which other screens' refetches would read
 * the cache too.
 */
const unread = new Set<DocumentNode>();

export function markEarlyAnswers(queries: DocumentNode[]): void {
  for (const q of queries) unread.add(q);
}

/** True once for a query whose early answer is in the cache and no screen has read yet. */
export function takeEarlyAnswer(query: DocumentNode): boolean {
  return unread.delete(query);
}
