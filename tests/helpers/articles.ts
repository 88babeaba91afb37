import type { Article } from '../../src/manifest/types.js';

/** A one-paragraph story for search and manifest tests; `extra` overrides any field. */
export function article(id: string, headline: string, body: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    section: 'city',
    headline,
    words: body.split(' ').length,
    readingMinutes: 1,
    body: [{ kind: 'paragraph', runs: [{ text: body, style: 'plain' }] }],
    placements: [{ page: extra.placements?.[0]?.page ?? 1, boxes: [[0, 0, 10, 10]] }],
    ...extra,
  };
}
