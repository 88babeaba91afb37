import type { GalleyLine } from './galley.js';

/** A slice of the galley that fills one column. */
export interface ColumnSlice {
  /** Galley index of the first line. */
  readonly start: number;
  /** Galley index after the last line. */
  readonly end: number;
  /** Height the lines take, space before the first line dropped. */
  readonly height: number;
}

export interface ColumnFill {
  readonly columns: readonly ColumnSlice[];
  /** Galley index of the first line that did not fit (galley length when all fit). */
  readonly rest: number;
  /** Columns that had to break where the rules forbid it (a kept block taller than a column). */
  readonly forcedBreaks: number;
}

/** Height of galley lines `start..end` set in one column, space before the first dropped. */
export function sliceHeight(galley: readonly GalleyLine[], start: number, end: number): number {
  let height = 0;
  for (let i = start; i < end; i++) {
    const line = galley[i]!;
    height += line.height + (i === start ? 0 : line.spaceBefore);
  }
  return height;
}

/**
 * Fills columns of the given heights in order, each with as many lines as
 * fit, cutting only where widow, orphan and keep rules allow. A column
 * that cannot be cut by the rules is cut where it is full, and counted.
 */
export function fillColumns(galley: readonly GalleyLine[], heights: readonly number[], from = 0): ColumnFill {
  const columns: ColumnSlice[] = [];
  let start = from;
  let forcedBreaks = 0;
  for (const capacity of heights) {
    if (start >= galley.length) break;
    let used = 0;
    let end = start;
    let lastGood = -1;
    let lastGoodHeight = 0;
    while (end < galley.length) {
      const line = galley[end]!;
      const add = line.height + (end === start ? 0 : line.spaceBefore);
      if (used + add > capacity + 1e-6) break;
      used += add;
      end++;
      if (!line.keepWithNext || end === galley.length) {
        lastGood = end;
        lastGoodHeight = used;
      }
    }
    if (end === galley.length) {
      columns.push({ start, end, height: used });
      start = end;
      break;
    }
    if (lastGood > start) {
      columns.push({ start, end: lastGood, height: lastGoodHeight });
      start = lastGood;
    } else if (end > start) {
      forcedBreaks++;
      columns.push({ start, end, height: used });
      start = end;
    } else {
      columns.push({ start, end: start, height: 0 });
    }
  }
  return { columns, rest: start, forcedBreaks };
}

/**
 * Balances the galley from `from` over `count` columns no taller than
 * `maxHeight`: the smallest height at which everything fits, found by
 * bisection over the candidate heights (the galley's prefix heights).
 * Returns null when it does not fit even at `maxHeight`.
 */
export function balanceColumns(
  galley: readonly GalleyLine[],
  count: number,
  maxHeight: number,
  from = 0,
  /** Height taken at the top of each column (a photo above the first column). */
  offsets: readonly number[] = [],
): ColumnFill | null {
  const heights = (h: number) => Array.from({ length: count }, (_, c) => h - (offsets[c] ?? 0));
  const full = fillColumns(galley, heights(maxHeight), from);
  if (full.rest < galley.length) return null;
  let low = sliceHeight(galley, from, galley.length) / count - 1e-6;
  let high = maxHeight;
  let best = full;
  for (let step = 0; step < 24 && high - low > 0.25; step++) {
    const mid = (low + high) / 2;
    const fill = fillColumns(galley, heights(mid), from);
    if (fill.rest >= galley.length && fill.forcedBreaks <= full.forcedBreaks) {
      best = fill;
      high = mid;
    } else {
      low = mid;
    }
  }
  // The least height is what the tallest column of the best fill uses.
  const least = Math.max(...best.columns.map((column, c) => column.height + (offsets[c] ?? 0)));
  return evenOut(galley, heights(least + 1e-6), from, best);
}

/**
 * Filling each column to the least height leaves the short column last and
 * shortest (10 lines in three columns: 4, 4, 2). Newspapers share the
 * lines out (4, 3, 3): each column takes the fewest lines that reach an
 * even share of what is left, as long as the rest still fits.
 */
function evenOut(galley: readonly GalleyLine[], heights: readonly number[], from: number, fallback: ColumnFill): ColumnFill {
  const columns: ColumnSlice[] = [];
  let start = from;
  for (let c = 0; c < heights.length; c++) {
    const left = heights.length - c;
    const share = sliceHeight(galley, start, galley.length) / left;
    // The first cut at or past the share.
    let end = start;
    while (end < galley.length && sliceHeight(galley, start, end) < share - 1e-6) end++;
    const cap = Math.min(heights[c]!, sliceHeight(galley, start, end));
    const restFits = (next: number) => {
      const rest = fillColumns(galley, heights.slice(c + 1), next);
      return rest.rest >= galley.length && rest.forcedBreaks === 0;
    };
    let fill = fillColumns(galley, [cap], start);
    if (fill.forcedBreaks > 0 || (c < heights.length - 1 && !restFits(fill.columns[0]?.end ?? start))) {
      fill = fillColumns(galley, [heights[c]!], start);
      if (fill.forcedBreaks > 0 || (c < heights.length - 1 && !restFits(fill.columns[0]?.end ?? start))) return fallback;
    }
    const slice = fill.columns[0] ?? { start, end: start, height: 0 };
    columns.push(slice);
    start = slice.end;
  }
  return start >= galley.length ? { columns, rest: start, forcedBreaks: fallback.forcedBreaks } : fallback;
}
