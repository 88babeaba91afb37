import { describe, expect, it } from 'vitest';
import type { GalleyLine } from '../../src/typeset/galley.js';
import { addStats, checkStory, EMPTY_STATS, QA_CODES, type ColumnPlace } from '../../src/typeset/qa.js';
import type { GlyphRun } from '../../src/typeset/position.js';
import { galleyLine } from '../helpers/typeset.js';

const NORMAL = 5; // the normal word space of the hand-built lines, in points
const place: ColumnPlace = { article: 'a1', page: 3, column: 2 };
const story = (...columns: GalleyLine[][]) => checkStory(columns.map((lines, c) => ({ lines, place: { ...place, column: c + 1 } })));
const runs = (...texts: string[]): GlyphRun[] => texts.map((text, i) => ({ text, font: 'body', x: i * 40, width: 30 }));

/** A justified line with gaps of the given widths, spread across a 200 pt measure. */
function justified(gapWidths: number[], x0 = 20, overrides: Partial<GalleyLine> = {}): GalleyLine {
  return galleyLine({
    ...overrides,
    line: { justified: true, measure: 200, normalSpace: NORMAL, gaps: gapWidths.map((w, i) => [x0 + i * 60, w] as const), runs: runs('aa', 'bb') },
  });
}

/** A paragraph of `n` plain lines in block `block`. */
function paragraph(n: number, block: number): GalleyLine[] {
  return Array.from({ length: n }, (_, k) => galleyLine({ block, firstOfBlock: k === 0, lastOfBlock: k === n - 1, line: { runs: runs(`b${block}l${k}`) } }));
}

describe('checkStory on a justified line', () => {
  it('counts it as loose when a gap is wider than twice the normal space', () => {
    const { stats, findings } = story([justified([NORMAL, 2 * NORMAL + 0.01])]);
    expect(stats.looseLines).toBe(1);
    expect(stats.justifiedLines).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'loose-line', severity: 'warning', article: 'a1', page: 3, column: 1, line: 1 });
  });

  it('does not count it when its widest gap is exactly twice the normal space', () => {
    expect(story([justified([NORMAL, 2 * NORMAL])]).stats.looseLines).toBe(0);
  });

  it('counts each loose line once, however many wide gaps it has', () => {
    expect(story([justified([3 * NORMAL, 3 * NORMAL, 3 * NORMAL])]).stats.looseLines).toBe(1);
  });
});

describe('checkStory on a line that is not justified', () => {
  it('never counts it as loose, whatever its gaps (the last line of a paragraph, ragged text)', () => {
    const line = galleyLine({ line: { justified: false, normalSpace: NORMAL, gaps: [[20, 4 * NORMAL]] } });
    const { stats } = story([line]);
    expect(stats.looseLines).toBe(0);
    expect(stats.justifiedLines).toBe(0);
  });
});

describe('checkStory on wide gaps in consecutive lines', () => {
  const wide = 2 * NORMAL; // at least 1.5 normal spaces: can be part of a river

  it('counts three lines with overlapping wide gaps as one river, found on the third line', () => {
    const lines = [justified([wide], 50), justified([wide], 55), justified([wide], 48)];
    const { stats, findings } = story(lines);
    expect(stats.rivers).toBe(1);
    const rivers = findings.filter((f) => f.code === 'river');
    expect(rivers).toHaveLength(1);
    expect(rivers[0]).toMatchObject({ severity: 'warning', line: 3 });
  });

  it('counts a river running on over more lines only once', () => {
    const lines = [50, 52, 54, 56, 58].map((x) => justified([wide], x));
    expect(story(lines).stats.rivers).toBe(1);
  });

  it('does not count two lines', () => {
    expect(story([justified([wide], 50), justified([wide], 50)]).stats.rivers).toBe(0);
  });

  it('does not count three wide gaps that do not overlap', () => {
    const lines = [justified([wide], 20), justified([wide], 20 + wide + 1), justified([wide], 20 + 2 * (wide + 1))];
    expect(story(lines).stats.rivers).toBe(0);
  });

  it('does not count a chain interrupted by a line whose gap there is normal', () => {
    const lines = [justified([wide], 50), justified([NORMAL], 50), justified([wide], 50)];
    expect(story(lines).stats.rivers).toBe(0);
  });

  it('compares gaps by their place in the column, indent of the line included', () => {
    // The same gap position on the line, but the middle line is indented 30 pt (a block quote).
    const lines = [justified([wide], 50), justified([wide], 50, { x: 30 }), justified([wide], 50)];
    expect(story(lines).stats.rivers).toBe(0);
    const aligned = [justified([wide], 50), justified([wide], 20, { x: 30 }), justified([wide], 50)];
    expect(story(aligned).stats.rivers).toBe(1);
  });
});

describe('checkStory on hyphenated lines', () => {
  const hyphenated = (block = 0) => galleyLine({ block, firstOfBlock: false, lastOfBlock: false, line: { hyphenated: true, runs: runs('hy-') } });
  const plain = () => galleyLine({ firstOfBlock: false, lastOfBlock: false });

  it('counts three in a row as a hyphen run, an error found on the third', () => {
    const { stats, findings } = story([plain(), hyphenated(), hyphenated(), hyphenated(), plain()]);
    expect(stats.hyphenatedLines).toBe(3);
    expect(stats.hyphenRuns3).toBe(1);
    const runsFound = findings.filter((f) => f.code === 'hyphen-run');
    expect(runsFound).toHaveLength(1);
    expect(runsFound[0]).toMatchObject({ severity: 'error', line: 4 });
  });

  it('does not count two in a row', () => {
    expect(story([hyphenated(), hyphenated(), plain(), hyphenated(), hyphenated()]).stats.hyphenRuns3).toBe(0);
  });

  it('counts a longer run once', () => {
    expect(story([hyphenated(), hyphenated(), hyphenated(), hyphenated(), hyphenated()]).stats.hyphenRuns3).toBe(1);
  });

  it('follows a run from the foot of one column to the top of the next', () => {
    expect(story([plain(), hyphenated(), hyphenated()], [hyphenated(), plain()]).stats.hyphenRuns3).toBe(1);
  });
});

describe('checkStory on the lines at the top and foot of a column', () => {
  it('finds a widow: the last line of a paragraph alone at the top of a column', () => {
    const [a, b, c] = paragraph(3, 0) as [GalleyLine, GalleyLine, GalleyLine];
    const { stats, findings } = story([a, b], [c]);
    expect(stats.widows).toBe(1);
    expect(stats.orphans).toBe(0);
    expect(findings).toEqual([expect.objectContaining({ code: 'widow', severity: 'error', column: 2, line: 1, text: 'b0l2' })]);
  });

  it('finds an orphan: the first line of a paragraph alone at the foot of a column', () => {
    const lines = [...paragraph(2, 0), ...paragraph(3, 1)];
    const { stats, findings } = story(lines.slice(0, 3), lines.slice(3));
    expect(stats.orphans).toBe(1);
    expect(stats.widows).toBe(0);
    expect(findings).toEqual([expect.objectContaining({ code: 'orphan', severity: 'error', column: 1, line: 3 })]);
  });

  it('finds neither when a paragraph breaks with two lines on each side', () => {
    const lines = paragraph(4, 0);
    const { stats, findings } = story(lines.slice(0, 2), lines.slice(2));
    expect(stats.widows + stats.orphans).toBe(0);
    expect(findings).toEqual([]);
  });

  it('finds neither for a one-line paragraph at the top or the foot', () => {
    const lines = [...paragraph(1, 0), ...paragraph(2, 1), ...paragraph(1, 2)];
    const { stats } = story(lines.slice(0, 1), lines.slice(1, 3), lines.slice(3));
    expect(stats.widows + stats.orphans).toBe(0);
  });
});

describe('checkStory on an overfull line and a split word', () => {
  it('reports the overfull line as an error and counts it', () => {
    const { stats, findings } = story([galleyLine({ line: { overfull: 0.5, runs: runs('wide') } })]);
    expect(stats.overfull).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ code: 'overfull', severity: 'error', text: 'wide' })]);
  });

  it('ignores an overshoot below a hundredth of a point', () => {
    expect(story([galleyLine({ line: { overfull: 0.005 } })]).stats.overfull).toBe(0);
  });

  it('warns about a split word', () => {
    const { findings } = story([galleyLine({ line: { splitWord: true } })]);
    expect(findings).toEqual([expect.objectContaining({ code: 'split-word', severity: 'warning' })]);
  });
});

describe('checkStory on a clean story', () => {
  it('counts its lines and finds nothing', () => {
    const lines = [...paragraph(4, 0), ...paragraph(3, 1)];
    const { stats, findings } = story(lines.slice(0, 4), lines.slice(4));
    expect(findings).toEqual([]);
    expect(stats).toEqual({ ...EMPTY_STATS, lines: 7 });
  });
});

describe('the QA codes', () => {
  it('make the hard rules errors and the rest warnings', () => {
    expect(QA_CODES).toMatchObject({ overfull: 'error', widow: 'error', orphan: 'error', 'hyphen-run': 'error', 'loose-line': 'warning', river: 'warning' });
  });
});

describe('addStats', () => {
  it('adds every count', () => {
    const a = { ...EMPTY_STATS, lines: 3, looseLines: 1, widows: 1 };
    const b = { ...EMPTY_STATS, lines: 4, rivers: 2, widows: 1 };
    expect(addStats(a, b)).toEqual({ ...EMPTY_STATS, lines: 7, looseLines: 1, rivers: 2, widows: 2 });
  });
});
