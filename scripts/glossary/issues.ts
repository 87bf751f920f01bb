/** How build messages name a field: `references[0].url`, the way authors index JSON arrays. */
import * as v from 'valibot';

/** The issue's field path with array indexes in brackets; `(whole)` for an issue about the value itself. */
export function fieldPathOf(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (path === null || path === '') return '(whole)';
  return path.replace(/\.(\d+)(?=\.|$)/gu, '[$1]').replace(/^(\d+)/u, '[$1]');
}
