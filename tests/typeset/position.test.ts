import { describe, expect, it } from 'vitest';
import { COSTS } from '../../src/typeset/costs.js';
import { cachedWordSplitter } from '../../src/typeset/hyphenate.js';
import { itemize, type Alignment, type Item, type TextRun } from '../../src/typeset/items.js';
import type { Break } from '../../src/typeset/linebreak.js';
import { positionLines, type SetLine } from '../../src/typeset/position.js';
import { body, CHAR, enUs, lineRight, lineText, monoFonts, SIZE } from '../helpers/typeset.js';

const fonts = monoFonts();
/** Natural width, stretch and shrink of a justified word space. */
const SPACE = CHAR * COSTS.spaceWidth;
const STRETCH = CHAR * COSTS.spaceStretch;
const SHRINK = CHAR * COSTS.spaceShrink;
const EXPANSION = COSTS.expansion;

interface Setup {
  readonly align?: Alignment;
  readonly width?: number;
  readonly offset?: number;
  readonly firstIndent?: number;
  readonly hyphenate?: boolean;
  readonly expansion?: number;
}

/**
 * Items of `runs` and breaks after the given words (0-based word numbers of
 * the paragraph), then the paragraph's end: positions chosen by hand, not
 * by the line breaker.
 */
function set(runs: readonly TextRun[], breakAfter: readonly number[], setup: Setup = {}): SetLine[] {
  const { align = 'justify', width = 100, offset = 0, firstIndent = 0, hyphenate = false, expansion = EXPANSION } = setup;
  const items = itemize(runs, {
    fonts,
    size: SIZE,
    spaceFont: 'body',
    align,
    firstIndent,
    minLineWidth: width,
    splitWord: cachedWordSplitter(hyphenate ? enUs : undefined),
  });
  const breaks: Break[] = breakAfter.map((word) => ({ position: breakAfterWord(items, word), ratio: 0, expansionRatio: 0, badness: 0 }));
  breaks.push({ position: items.length - 1, ratio: 0, expansionRatio: 0, badness: 0 });
  return positionLines(items, breaks, {
    fonts,
    size: SIZE,
    align,
    spaceFont: 'body',
    lineWidth: () => width,
    lineOffset: () => offset,
    expansion: align === 'justify' ? expansion : 0,
  });
}

/** The legal break right after the last box of word `word`: the space glue, or the ragged penalty. */
function breakAfterWord(items: readonly Item[], word: number): number {
  // Words are the runs of text boxes between glue (a tie counts as a space).
  let last = -1;
  let current = -1;
  let afterGlue = true;
  items.forEach((item, i) => {
    if (item.kind === 'glue') afterGlue = true;
    if (item.kind !== 'box' || item.text === '') return;
    if (afterGlue) current++;
    afterGlue = false;
    if (current === word) last = i;
  });
  for (let i = last + 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'glue' && items[i - 1]!.kind === 'box') {
      const next = items[i + 1];
      // Ragged text breaks at the penalty between its two glues.
      return next?.kind === 'penalty' && next.cost === 0 ? i + 1 : i;
    }
  }
  throw new Error(`no break after word ${word}`);
}

/** Points the line's punctuation hangs past the right edge (0 where the line reports none). */
const rightHangOf = (line: SetLine) => (line as { hang?: readonly [number, number] }).hang?.[1] ?? 0;

describe('positionLines on a justified line that must stretch a little', () => {
  // "aaaa bbbb cccc": 12 letters and two spaces, in a measure that needs half of all the stretch.
  const textWidth = 12 * CHAR;
  const expand = textWidth * EXPANSION;
  const width = textWidth + 2 * SPACE + 0.5 * (2 * STRETCH + expand);
  const [line, last] = set(body('aaaa bbbb cccc dd'), [2], { width }) as [SetLine, SetLine];
  const r = 0.5; // spaces and letters share the stretch at one ratio

  it('is justified: its last letter ends exactly at the measure', () => {
    expect(line.justified).toBe(true);
    expect(lineRight(line)).toBeCloseTo(width, 9);
  });

  it('letter-spaces by the expansion’s share, spread over the 9 gaps between letters', () => {
    expect(line.letterSpacing).toBeCloseTo((r * expand) / 9, 12);
  });

  it('widens each space by the same ratio of its stretch', () => {
    for (const [, w] of line.gaps) expect(w).toBeCloseTo(SPACE + r * STRETCH, 9);
    expect(line.ratio).toBeCloseTo(r, 9);
  });

  it('places each word after the previous one and its gap', () => {
    const [a, b, c] = line.runs as [(typeof line.runs)[0], (typeof line.runs)[0], (typeof line.runs)[0]];
    const ls = line.letterSpacing;
    expect(line.runs.map((run) => run.text)).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(a.x).toBe(0);
    expect(a.width).toBeCloseTo(4 * CHAR + 4 * ls, 12);
    expect(line.gaps[0]![0]).toBeCloseTo(a.x + a.width - ls, 9);
    expect(b.x).toBeCloseTo(line.gaps[0]![0] + line.gaps[0]![1], 9);
    expect(c.x).toBeCloseTo(line.gaps[1]![0] + line.gaps[1]![1], 9);
  });

  it('sets the last line of the paragraph flush left at natural spacing, with no letter spacing', () => {
    expect(last.justified).toBe(false);
    expect(last.letterSpacing).toBe(0);
    expect(last.runs).toEqual([{ text: 'dd', font: 'body', x: 0, width: 2 * CHAR }]);
  });
});

describe('positionLines on a justified line that must stretch far', () => {
  // "aaaa bbbb cccc" in 100 pt: 40 pt − 2 spaces to find, far more than the letters can give.
  const [line] = set(body('aaaa bbbb cccc dd'), [2], { width: 100 }) as [SetLine];
  const textWidth = 12 * CHAR;

  it('uses the full 2 % expansion and lets the spaces take the rest', () => {
    expect(line.letterSpacing * 9).toBeCloseTo(textWidth * EXPANSION, 12);
    const rest = 100 - textWidth - textWidth * EXPANSION - 2 * SPACE;
    for (const [, w] of line.gaps) expect(w).toBeCloseTo(SPACE + rest / 2, 9);
    expect(lineRight(line)).toBeCloseTo(100, 9);
  });
});

describe('positionLines on a justified line that must shrink', () => {
  // 12 letters and two spaces in exactly their natural width less a little.
  const width = 12 * CHAR + 2 * SPACE - 1;
  const [line] = set(body('aaaa bbbb cccc dd'), [2], { width }) as [SetLine];

  it('tightens letters and spaces at one ratio and still ends at the measure', () => {
    const textWidth = 12 * CHAR;
    const r = -1 / (2 * SHRINK + textWidth * EXPANSION);
    expect(line.letterSpacing).toBeLessThan(0);
    expect(line.letterSpacing * 9).toBeCloseTo(r * textWidth * EXPANSION, 12);
    for (const [, w] of line.gaps) expect(w).toBeCloseTo(SPACE + r * SHRINK, 9);
    expect(lineRight(line)).toBeCloseTo(width, 9);
    expect(line.overfull).toBe(0);
  });
});

describe('positionLines on a line that cannot shrink enough', () => {
  it('shrinks as far as allowed and reports by how much it is overfull', () => {
    const textWidth = 12 * CHAR;
    const width = textWidth + 2 * SPACE - 10;
    const [line] = set(body('aaaa bbbb cccc dd'), [2], { width }) as [SetLine];
    const overfull = 10 - 2 * SHRINK - textWidth * EXPANSION;
    expect(overfull).toBeGreaterThan(0);
    expect(line.overfull).toBeCloseTo(overfull, 9);
    for (const [, w] of line.gaps) expect(w).toBeCloseTo(SPACE - SHRINK, 9);
    expect(lineRight(line)).toBeCloseTo(width + overfull, 9);
  });
});

describe('positionLines with a first-line indent', () => {
  it('starts the first line at the indent and justifies it from there', () => {
    const [first, second] = set(body('aaaa bbbb cccc dd ee'), [2], { width: 90, firstIndent: 15 }) as [SetLine, SetLine];
    expect(first.runs[0]!.x).toBe(15);
    expect(lineRight(first)).toBeCloseTo(90, 9);
    expect(second.runs[0]!.x).toBe(0);
  });
});

describe('positionLines with a line offset (beside a drop cap)', () => {
  it('shifts the line by the offset and ends it at offset + measure', () => {
    const [line] = set(body('aaaa bbbb cccc dd'), [2], { width: 70, offset: 30 }) as [SetLine];
    expect(line.runs[0]!.x).toBe(30);
    expect(lineRight(line)).toBeCloseTo(100, 9);
    expect(line.measure).toBe(70);
  });
});

describe('positionLines on ragged text', () => {
  const text = body('aaaa bbbb cccc dd');
  const natural = 12 * CHAR + 2 * SPACE;

  it('sets flush-left lines at natural spacing from the left edge', () => {
    const [line] = set(text, [2], { align: 'left', width: 100 }) as [SetLine];
    expect(line.justified).toBe(false);
    expect(line.letterSpacing).toBe(0);
    expect(line.gaps.map(([, w]) => w)).toEqual([SPACE, SPACE]);
    expect(line.runs[0]!.x).toBe(0);
    expect(lineRight(line)).toBeCloseTo(natural, 9);
  });

  it('sets flush-right lines against the right edge', () => {
    const [line] = set(text, [2], { align: 'right', width: 100 }) as [SetLine];
    expect(line.runs[0]!.x).toBeCloseTo(100 - natural, 9);
    expect(lineRight(line)).toBeCloseTo(100, 9);
  });

  it('centres lines with equal margins', () => {
    const [line] = set(text, [2], { align: 'center', width: 100 }) as [SetLine];
    expect(line.runs[0]!.x).toBeCloseTo(100 - lineRight(line), 9);
    expect(line.gaps.map(([, w]) => w)).toEqual([SPACE, SPACE]);
  });
});

describe('positionLines at a hyphenation point', () => {
  it('adds the hyphen to the word’s first part and marks the line hyphenated', () => {
    // hy-phen-ation: break after "hyphen" (word 1 ends at "ation", so break inside it by hand).
    const items = itemize(body('the hyphenation'), {
      fonts,
      size: SIZE,
      spaceFont: 'body',
      align: 'justify',
      firstIndent: 0,
      minLineWidth: 100,
      splitWord: cachedWordSplitter(enUs),
    });
    const hyphens = items.flatMap((item, i) => (item.kind === 'penalty' && item.mark ? [i] : []));
    expect(hyphens).toHaveLength(2);
    const lines = positionLines(
      items,
      [
        { position: hyphens[1]!, ratio: 0, expansionRatio: 0, badness: 0 },
        { position: items.length - 1, ratio: 0, expansionRatio: 0, badness: 0 },
      ],
      { fonts, size: SIZE, align: 'justify', spaceFont: 'body', lineWidth: () => 60, lineOffset: () => 0, expansion: EXPANSION },
    );
    expect(lines.map(lineText)).toEqual(['the hyphen-', 'ation']);
    expect(lines.map((l) => l.hyphenated)).toEqual([true, false]);
    expect(lineRight(lines[0]!) - rightHangOf(lines[0]!)).toBeCloseTo(60, 9);
  });
});

describe('positionLines on a word set in two fonts', () => {
  it('keeps its runs touching, with no gap between them', () => {
    const runs: TextRun[] = [
      { text: 'see ', font: 'body' },
      { text: 'Nature', font: 'body-italic' },
      { text: '’s report', font: 'body' },
    ];
    const [line] = set(runs, [], { align: 'left', width: 200 }) as [SetLine];
    expect(line.runs.map((r) => r.text)).toEqual(['see', 'Nature', '’s', 'report']);
    expect(line.gaps).toHaveLength(2);
    const [, nature, s] = line.runs as [unknown, (typeof line.runs)[0], (typeof line.runs)[0]];
    expect(s.x).toBeCloseTo(nature.x + nature.width, 12);
    expect(nature.font).toBe('body-italic');
  });
});

describe('positionLines on words tied by a no-break space', () => {
  it('draws the tie as a word space between two runs', () => {
    const [line] = set(body('Mr.\u00A0Smith said'), [], { align: 'left', width: 200 }) as [SetLine];
    expect(line.runs.map((r) => r.text)).toEqual(['Mr.', 'Smith', 'said']);
    expect(line.gaps.map(([, w]) => w)).toEqual([SPACE, SPACE]);
  });
});
