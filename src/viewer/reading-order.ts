/**
 * The order a reader meets the stories in, for the reader panel's previous
 * and next: by the page where each starts, then from the top of the page
 * down, then left to right. The manifest's own order is not a reading order.
 */
import type { Article } from '../manifest/types.js';

/** Stories whose tops are this close (points) count as level, and go left to right. */
const SAME_ROW = 24;

function start(article: Article): { page: number; y: number; x: number } {
  const first = article.placements[0];
  if (!first) return { page: Number.POSITIVE_INFINITY, y: 0, x: 0 };
  const y = Math.min(...first.boxes.map((b) => b[1]));
  const x = Math.min(...first.boxes.filter((b) => b[1] <= y + SAME_ROW).map((b) => b[0]));
  return { page: first.page, y: Number.isFinite(y) ? y : 0, x: Number.isFinite(x) ? x : 0 };
}

/** `articles` in reading order (a new array). */
export function readingOrder(articles: readonly Article[]): Article[] {
  const starts = new Map(articles.map((a) => [a, start(a)]));
  return [...articles].sort((a, b) => {
    const p = starts.get(a)!;
    const q = starts.get(b)!;
    if (p.page !== q.page) return p.page - q.page;
    if (Math.abs(p.y - q.y) > SAME_ROW) return p.y - q.y;
    return p.x - q.x;
  });
}
