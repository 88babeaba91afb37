/**
 * Which pages are on screen together. In single view every page is alone; in
 * spread view the front page is alone and the rest face each other in pairs
 * (2–3, 4–5, …), as in the printed paper, and the last page is alone when the
 * count is even.
 */

export const VIEWS = ['single', 'spread', 'auto'] as const;
export type View = (typeof VIEWS)[number];

/** The stage is wide enough for facing pages when it is at least this much wider than tall. */
export const SPREAD_MIN_ASPECT = 1.15;

/** Whether `view` shows facing pages on a stage of this size. */
export function showsSpreads(view: View, stageWidth: number, stageHeight: number): boolean {
  if (view === 'spread') return true;
  if (view === 'single') return false;
  return stageHeight > 0 && stageWidth / stageHeight >= SPREAD_MIN_ASPECT;
}

/** The pages shown with `page`, in reading order. */
export function spreadOf(page: number, count: number, spreads: boolean): number[] {
  const p = clampPage(page, count);
  if (!spreads || p === 1) return [p];
  const left = p % 2 === 0 ? p : p - 1;
  return left + 1 <= count ? [left, left + 1] : [left];
}

/** The first page of the spread after the one showing `page`, or `null` at the end. */
export function nextPage(page: number, count: number, spreads: boolean): number | null {
  const spread = spreadOf(page, count, spreads);
  const next = spread[spread.length - 1]! + 1;
  return next <= count ? next : null;
}

/** The first page of the spread before the one showing `page`, or `null` at the start. */
export function previousPage(page: number, count: number, spreads: boolean): number | null {
  const first = spreadOf(page, count, spreads)[0]!;
  if (first <= 1) return null;
  return spreadOf(first - 1, count, spreads)[0]!;
}

/** `page` made a whole number within 1…count. */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(1, Math.round(page)), Math.max(1, count));
}
