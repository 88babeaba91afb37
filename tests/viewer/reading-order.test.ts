import { describe, expect, it } from 'vitest';
import type { Article, Box } from '../../src/manifest/types.js';
import { readingOrder } from '../../src/viewer/reading-order.js';

function story(id: string, page: number, ...boxes: Box[]): Article {
  return { id, section: 'news', headline: id, words: 1, readingMinutes: 1, body: [], placements: [{ page, boxes }] };
}

describe('readingOrder', () => {
  it('goes by starting page, then top to bottom, then left to right for stories level with each other', () => {
    const articles = [
      story('p2-top', 2, [34, 60, 300, 40]),
      story('p1-bottom', 1, [34, 800, 300, 40]),
      story('p1-right', 1, [500, 150, 200, 40]),
      story('p1-left', 1, [34, 160, 400, 40], [34, 200, 130, 500]),
    ];
    expect(readingOrder(articles).map((a) => a.id)).toEqual(['p1-left', 'p1-right', 'p1-bottom', 'p2-top']);
  });

  it('puts a story without placements last and leaves the input alone', () => {
    const articles = [{ ...story('nowhere', 1), placements: [] }, story('front', 1, [0, 0, 10, 10])];
    expect(readingOrder(articles).map((a) => a.id)).toEqual(['front', 'nowhere']);
    expect(articles[0]!.id).toBe('nowhere');
  });
});
