/**
 * Deep links in the URL's fragment:
 *
 *   #2025-11-10            the edition of that date, page 1
 *   #2025-11-10/p/3        page 3 of it
 *   #2025-11-10/a/<id>     the article <id>, opened in the reader panel
 *
 * Pure functions: the element decides when to read and write `location`.
 */
import type { IsoDate } from '../manifest/types.js';

export type Route =
  | { readonly kind: 'edition'; readonly date: IsoDate }
  | { readonly kind: 'page'; readonly date: IsoDate; readonly page: number }
  | { readonly kind: 'article'; readonly date: IsoDate; readonly article: string };

const PATTERN = /^#?(\d{4}-\d{2}-\d{2})(?:\/(p|a)\/([^/]+))?\/?$/;

/** The route in `hash`, or `null` when the fragment is empty or not one of ours. */
export function parseHash(hash: string): Route | null {
  const match = PATTERN.exec(hash);
  if (!match) return null;
  const [, date, kind, value] = match as unknown as [string, string, string | undefined, string | undefined];
  if (kind === undefined || value === undefined) return { kind: 'edition', date };
  if (kind === 'p') {
    if (!/^\d+$/.test(value)) return null;
    const page = Number(value);
    return page >= 1 ? { kind: 'page', date, page } : null;
  }
  let article: string;
  try {
    article = decodeURIComponent(value);
  } catch {
    return null;
  }
  return article ? { kind: 'article', date, article } : null;
}

/** The fragment, with its `#`, for `route`. */
export function formatHash(route: Route): string {
  switch (route.kind) {
    case 'edition':
      return `#${route.date}`;
    case 'page':
      return `#${route.date}/p/${route.page}`;
    case 'article':
      return `#${route.date}/a/${encodeURIComponent(route.article)}`;
  }
}

/** Whether two routes lead to the same place. */
export function sameRoute(a: Route | null, b: Route | null): boolean {
  return a === b || (a !== null && b !== null && formatHash(a) === formatHash(b));
}
