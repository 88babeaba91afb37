import { describe, expect, it } from 'vitest';
import { setGalley, type StoryBlock } from '../../src/typeset/galley.js';
import { typesetContext } from '../../src/typeset/paragraph.js';
import { body, bodyStyle, CHAR, enUs, lineRight, lineText, monoFonts, SIZE } from '../helpers/typeset.js';

const context = typesetContext(monoFonts(), enUs);
/** Ten characters to the line. */
const WIDTH = 10 * CHAR;

/** A paragraph of exactly `n` lines: each word fills a ten-character line. */
function lines(n: number, style = bodyStyle({ hyphenate: false })): StoryBlock {
  const words = Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i).repeat(10));
  return { style, runs: body(words.join(' ')) };
}

const keeps = (blocks: readonly StoryBlock[]) => setGalley(blocks, WIDTH, context).map((line) => line.keepWithNext);

describe('setGalley on one paragraph of n lines', () => {
  it.each([
    [1, [false]],
    [2, [true, false]],
    [3, [true, true, false]],
    [4, [true, false, true, false]],
    [5, [true, false, false, true, false]],
    [6, [true, false, false, false, true, false]],
  ])('with %i lines may be cut only with two lines on each side, or after its end', (n, expected) => {
    expect(keeps([lines(n)])).toEqual(expected);
  });

  it('marks the first and last line and the block of every line', () => {
    const galley = setGalley([lines(3), lines(2)], WIDTH, context);
    expect(galley.map((l) => [l.block, l.firstOfBlock, l.lastOfBlock])).toEqual([
      [0, true, false],
      [0, false, false],
      [0, false, true],
      [1, true, false],
      [1, false, true],
    ]);
  });

  it('gives each line the leading of its style as its height', () => {
    const galley = setGalley([lines(3, bodyStyle({ hyphenate: false, leading: 13 }))], WIDTH, context);
    expect(galley.map((l) => l.height)).toEqual([13, 13, 13]);
  });
});

describe('setGalley on a subhead (keep with next) before a paragraph', () => {
  const subhead: StoryBlock = { style: bodyStyle({ keepWithNext: true, hyphenate: false, align: 'left' }), runs: body('Subhead here') };

  it('keeps every line of the subhead with what follows, and the paragraph’s first line too', () => {
    expect(keeps([subhead, lines(4)])).toEqual([true, true, true, false, true, false]);
  });
});

describe('setGalley on space between blocks', () => {
  it('puts the space before a block and the space after the previous one above the block’s first line only', () => {
    const first = lines(2, bodyStyle({ hyphenate: false, spaceAfter: 4 }));
    const second = lines(2, bodyStyle({ hyphenate: false, spaceBefore: 6 }));
    expect(setGalley([first, second], WIDTH, context).map((l) => l.spaceBefore)).toEqual([0, 0, 10, 0]);
  });
});

describe('setGalley on indents', () => {
  const text = body('one two three four five six seven eight nine ten eleven twelve');

  it('indents the first line by the style’s first indent, unless told not to', () => {
    const style = bodyStyle({ firstIndent: 2 * CHAR, align: 'left' });
    const indented = setGalley([{ style, runs: text }], 30 * CHAR, context);
    const flush = setGalley([{ style, runs: text, noIndent: true }], 30 * CHAR, context);
    expect(indented[0]!.line.runs[0]!.x).toBe(2 * CHAR);
    expect(indented[1]!.line.runs[0]!.x).toBe(0);
    expect(flush[0]!.line.runs[0]!.x).toBe(0);
  });

  it('sets a block with left and right indents narrower and offsets it', () => {
    const style = bodyStyle({ leftIndent: 3 * CHAR, rightIndent: 2 * CHAR });
    const galley = setGalley([{ style, runs: text }], 30 * CHAR, context);
    for (const line of galley) {
      expect(line.x).toBe(3 * CHAR);
      expect(line.line.measure).toBe(25 * CHAR);
      expect(lineRight(line.line)).toBeLessThanOrEqual(25 * CHAR + 0.01);
    }
  });

  it('hangs a list marker on the first line only', () => {
    const galley = setGalley([{ style: bodyStyle(), runs: text, marker: '•' }], 20 * CHAR, context);
    expect(galley[0]!.marker).toMatchObject({ text: '•', font: 'body' });
    expect(galley[0]!.marker!.x).toBeLessThan(0);
    expect(galley.slice(1).every((l) => l.marker === undefined)).toBe(true);
  });
});

describe('setGalley on a paragraph with a three-line drop cap', () => {
  const style = bodyStyle({ dropCapLines: 3, firstIndent: 2 * CHAR });
  const text = 'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful, and the youngest was so beautiful that the sun itself was astonished.';
  const galley = setGalley([{ style, runs: body(text), dropCap: true }], 24 * CHAR, context);
  const cap = galley[0]!.dropCap!;

  it('takes the first letter out of the text and hangs it on the first line', () => {
    expect(cap).toMatchObject({ text: 'I', font: 'display', lines: 3 });
    expect(lineText(galley[0]!.line).startsWith('n ')).toBe(true);
    expect(galley.slice(1).every((l) => l.dropCap === undefined)).toBe(true);
  });

  it('sizes the letter to span from the first cap line to the third baseline', () => {
    // Cap height 0.7 em in the monospace stub: (3 − 1) lines of leading + one body cap height.
    expect(cap.size * 0.7).toBeCloseTo(2 * 12 + 0.7 * SIZE, 9);
  });

  it('sets the first three lines beside the letter, then the full width', () => {
    const indent = cap.width + SIZE * 0.35;
    galley.slice(0, 3).forEach((l) => {
      expect(l.line.runs[0]!.x).toBeCloseTo(indent, 9);
      expect(l.line.measure).toBeCloseTo(24 * CHAR - indent, 9);
    });
    galley.slice(3).forEach((l) => {
      expect(l.line.runs[0]!.x).toBe(0);
      expect(l.line.measure).toBe(24 * CHAR);
    });
  });

  it('never lets a column end beside the letter', () => {
    expect(galley.length).toBeGreaterThan(4);
    expect(galley[0]!.keepWithNext).toBe(true);
    expect(galley[1]!.keepWithNext).toBe(true);
  });
});
