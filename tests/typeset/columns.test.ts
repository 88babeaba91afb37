import { describe, expect, it } from 'vitest';
import { balanceColumns, fillColumns, sliceHeight, type ColumnFill } from '../../src/typeset/columns.js';
import { setGalley, type GalleyLine, type StoryBlock } from '../../src/typeset/galley.js';
import { typesetContext } from '../../src/typeset/paragraph.js';
import { checkStory } from '../../src/typeset/qa.js';
import { body, bodyStyle, CHAR, enUs, monoFonts, rng } from '../helpers/typeset.js';

const context = typesetContext(monoFonts(), enUs);
const WIDTH = 10 * CHAR;
const LEADING = 12;

/** A paragraph of exactly `n` lines: each word fills a ten-character line. */
function paragraph(n: number, overrides: Parameters<typeof bodyStyle>[0] = {}): StoryBlock {
  const words = Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(10));
  return { style: bodyStyle({ hyphenate: false, ...overrides }), runs: body(words.join(' ')) };
}
const subhead = (): StoryBlock => ({ style: bodyStyle({ keepWithNext: true, hyphenate: false }), runs: body('Subhead') });
const galleyOf = (...blocks: StoryBlock[]) => setGalley(blocks, WIDTH, context);
const spans = (fill: ColumnFill) => fill.columns.map((c) => [c.start, c.end]);
const linesIn = (fill: ColumnFill) => fill.columns.map((c) => c.end - c.start);

/** Whether the column ends of a fill are all at places the galley allows. */
function cutsAllowed(galley: readonly GalleyLine[], fill: ColumnFill): boolean {
  return fill.columns.every((c) => c.end === c.start || c.end === galley.length || !galley[c.end - 1]!.keepWithNext);
}

/** A random story: paragraphs of 1–8 lines, now and then a subhead or space between blocks. */
function randomGalley(random: () => number): GalleyLine[] {
  const blocks: StoryBlock[] = [];
  const count = 2 + Math.floor(random() * 6);
  for (let b = 0; b < count; b++) {
    if (random() < 0.25) blocks.push(subhead());
    blocks.push(paragraph(1 + Math.floor(random() * 8), { spaceBefore: random() < 0.3 ? 6 : 0 }));
  }
  return galleyOf(...blocks);
}

/**
 * The least column height at which the galley fits `count` columns with
 * only allowed cuts, found by trying every set of cuts (dynamic programme).
 */
function leastHeight(galley: readonly GalleyLine[], count: number): number {
  const n = galley.length;
  const cuts = [0, ...galley.flatMap((line, i) => (!line.keepWithNext && i + 1 < n ? [i + 1] : [])), n];
  const heights = new Set<number>();
  for (const a of cuts) for (const b of cuts) if (b > a) heights.add(sliceHeight(galley, a, b));
  for (const h of [...heights].sort((x, y) => x - y)) {
    // fewest columns needed to reach each cut at height h
    const need = new Map<number, number>([[0, 0]]);
    for (const a of cuts) {
      const used = need.get(a);
      if (used === undefined) continue;
      for (const b of cuts) {
        if (b > a && sliceHeight(galley, a, b) <= h + 1e-9 && used + 1 < (need.get(b) ?? Infinity)) need.set(b, used + 1);
      }
    }
    if ((need.get(n) ?? Infinity) <= count) return h;
  }
  return Infinity;
}

describe('sliceHeight', () => {
  it('adds the lines’ leading and the space before all but the first line', () => {
    const galley = galleyOf(paragraph(2), paragraph(2, { spaceBefore: 6 }));
    expect(sliceHeight(galley, 0, 4)).toBe(4 * LEADING + 6);
    expect(sliceHeight(galley, 2, 4)).toBe(2 * LEADING);
  });
});

describe('fillColumns on a four-line paragraph in columns of three lines', () => {
  it('breaks only after line 2', () => {
    const fill = fillColumns(galleyOf(paragraph(4)), [3 * LEADING, 3 * LEADING]);
    expect(spans(fill)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(fill.rest).toBe(4);
    expect(fill.forcedBreaks).toBe(0);
    expect(fill.columns.map((c) => c.height)).toEqual([2 * LEADING, 2 * LEADING]);
  });
});

describe('fillColumns on a three-line paragraph that does not fit below another', () => {
  it('moves it whole to the next column rather than break it', () => {
    const fill = fillColumns(galleyOf(paragraph(2), paragraph(3)), [4 * LEADING, 4 * LEADING]);
    expect(spans(fill)).toEqual([
      [0, 2],
      [2, 5],
    ]);
    expect(fill.forcedBreaks).toBe(0);
  });
});

describe('fillColumns on a three-line paragraph taller than the column', () => {
  it('cuts it where the column is full and counts the forced break', () => {
    const fill = fillColumns(galleyOf(paragraph(3)), [2 * LEADING, 2 * LEADING]);
    expect(spans(fill)).toEqual([
      [0, 2],
      [2, 3],
    ]);
    expect(fill.forcedBreaks).toBe(1);
  });
});

describe('fillColumns on a subhead that would end a column', () => {
  it('moves the subhead to the next column with the first lines of its paragraph', () => {
    const galley = galleyOf(paragraph(3), subhead(), paragraph(4));
    const fill = fillColumns(galley, [5 * LEADING, 5 * LEADING]);
    expect(spans(fill)).toEqual([
      [0, 3],
      [3, 8],
    ]);
    expect(fill.forcedBreaks).toBe(0);
  });
});

describe('fillColumns on a block with space before it at the top of a column', () => {
  it('drops that space', () => {
    const galley = galleyOf(paragraph(2), paragraph(2, { spaceBefore: 6 }));
    const fill = fillColumns(galley, [3 * LEADING, 3 * LEADING]);
    expect(spans(fill)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(fill.columns[1]!.height).toBe(2 * LEADING);
  });
});

describe('fillColumns with more text than columns', () => {
  it('returns where the rest begins, at an allowed cut', () => {
    const galley = galleyOf(paragraph(6), paragraph(6));
    const fill = fillColumns(galley, [4 * LEADING, 4 * LEADING]);
    expect(linesIn(fill)).toEqual([4, 4]);
    expect(fill.rest).toBe(8);
    expect(galley[7]!.keepWithNext).toBe(false);
  });

  it('continues from a given line', () => {
    const galley = galleyOf(paragraph(6), paragraph(6));
    const fill = fillColumns(galley, [4 * LEADING, 4 * LEADING], 8);
    expect(spans(fill)).toEqual([[8, 12]]);
    expect(fill.rest).toBe(12);
  });
});

describe('fillColumns on generated stories', () => {
  const random = rng(7);
  const cases = Array.from({ length: 120 }, (_, i) => ({ i, galley: randomGalley(random), lines: 4 + Math.floor(random() * 9) }));

  it.each(cases)('fills contiguous columns within their height, cutting only where allowed (case $i)', ({ galley, lines }) => {
    const capacity = lines * LEADING + 6;
    const fill = fillColumns(galley, Array.from({ length: 12 }, () => capacity));
    let at = 0;
    for (const column of fill.columns) {
      expect(column.start).toBe(at);
      expect(column.height).toBeLessThanOrEqual(capacity + 1e-9);
      expect(column.height).toBeCloseTo(sliceHeight(galley, column.start, column.end), 9);
      at = column.end;
    }
    expect(fill.rest).toBe(at);
    if (fill.forcedBreaks === 0) {
      expect(cutsAllowed(galley, fill)).toBe(true);
      const columns = fill.columns.map((c, k) => ({ lines: galley.slice(c.start, c.end), place: { article: 'x', page: 1, column: k } }));
      const { stats } = checkStory(columns);
      expect(stats.widows).toBe(0);
      expect(stats.orphans).toBe(0);
    }
  });
});

describe('balanceColumns on one paragraph over two columns', () => {
  it('sets 7 lines as 4 and 3', () => {
    const fill = balanceColumns(galleyOf(paragraph(7)), 2, 20 * LEADING)!;
    expect(linesIn(fill)).toEqual([4, 3]);
  });

  it.each([4, 5, 6, 8, 9, 12, 15, 20, 21])('sets %i lines in columns whose heights differ by at most one line', (n) => {
    const fill = balanceColumns(galleyOf(paragraph(n)), 2, 30 * LEADING)!;
    const counts = linesIn(fill);
    expect(counts).toHaveLength(2);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('balanceColumns on one paragraph over three columns', () => {
  it.each([
    [9, [3, 3, 3]],
    [11, [4, 4, 3]],
    [12, [4, 4, 4]],
  ])('sets %i lines as %j', (n, expected) => {
    expect(linesIn(balanceColumns(galleyOf(paragraph(n)), 3, 30 * LEADING)!)).toEqual(expected);
  });

  it('sets 10 lines in columns that differ by at most one line (4, 3, 3)', () => {
    // Bug: the greedy fill at the least height gives 4, 4, 2.
    const counts = linesIn(balanceColumns(galleyOf(paragraph(10)), 3, 30 * LEADING)!);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('balanceColumns on two three-line paragraphs over two columns', () => {
  it('puts one paragraph in each column rather than break either', () => {
    const fill = balanceColumns(galleyOf(paragraph(3), paragraph(3)), 2, 20 * LEADING)!;
    expect(spans(fill)).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });
});

describe('balanceColumns on a story too long for its columns', () => {
  it('returns null', () => {
    expect(balanceColumns(galleyOf(paragraph(8), paragraph(8)), 2, 7 * LEADING)).toBeNull();
  });
});

describe('balanceColumns with a picture above the first column', () => {
  it('sets fewer lines in that column and keeps both within the height', () => {
    const galley = galleyOf(paragraph(8));
    const fill = balanceColumns(galley, 2, 20 * LEADING, 0, [2 * LEADING])!;
    // Least h with (h − 2 lines) + h ≥ 8 lines is 5 lines: 3 lines under the picture, 5 beside it.
    expect(linesIn(fill)).toEqual([3, 5]);
  });
});

describe('balanceColumns on generated stories', () => {
  const random = rng(11);
  const cases = Array.from({ length: 80 }, (_, i) => ({ i, galley: randomGalley(random), count: 2 + Math.floor(random() * 3) }));

  it.each(cases)('finds the least height that fits, cutting only where allowed (case $i)', ({ galley, count }) => {
    const maxHeight = sliceHeight(galley, 0, galley.length);
    const fill = balanceColumns(galley, count, maxHeight)!;
    expect(fill).not.toBeNull();
    expect(fill.rest).toBe(galley.length);
    const least = leastHeight(galley, count);
    if (Number.isFinite(least)) {
      expect(fill.forcedBreaks).toBe(0);
      expect(cutsAllowed(galley, fill)).toBe(true);
      expect(Math.max(...fill.columns.map((c) => c.height))).toBeCloseTo(least, 6);
    }
  });
});
