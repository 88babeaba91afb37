import { hangLeftAt, hangRightAt, type Alignment, type Box, type Item } from './items.js';
import { fitLine, type Break } from './linebreak.js';
import type { FontKey, FontTable } from './metrics.js';

/** Text in one font at a position on its line. */
export interface GlyphRun {
  readonly text: string;
  readonly font: FontKey;
  /** Left edge from the column's left edge, in points. */
  readonly x: number;
  /** Advance including letter spacing after each glyph. */
  readonly width: number;
}

/** A line ready to draw: every run has its place; the PDF writer only draws. */
export interface SetLine {
  readonly runs: readonly GlyphRun[];
  readonly size: number;
  /** Extra space after every glyph (PDF `Tc`), in points; within ±2 % of the text. */
  readonly letterSpacing: number;
  /** Width of the column the line was set for. */
  readonly measure: number;
  /** Adjustment ratio of the spaces (see `Break.ratio`). */
  readonly ratio: number;
  /** Justified and not the last line of its paragraph: both edges flush. */
  readonly justified: boolean;
  readonly hyphenated: boolean;
  /** The inter-word gaps as `[x, width]`, for the QA report (loose lines, rivers). */
  readonly gaps: readonly (readonly [number, number])[];
  /** The font's normal word space at this size. */
  readonly normalSpace: number;
  /** Punctuation hanging past the left and right edges (optical margin alignment), in points. */
  readonly hang: readonly [left: number, right: number];
  /** Points by which the line is wider than its measure (0 unless nothing else was possible). */
  readonly overfull: number;
  /** The line holds a piece of a word that was split because it was wider than the column. */
  readonly splitWord: boolean;
}

/** Where a paragraph's lines go and in what type. */
export interface LineGeometry {
  readonly size: number;
  /** Font whose word space sets the paragraph's spaces. */
  readonly spaceFont: FontKey;
  readonly align: Alignment;
  /** Width of line `i`; most paragraphs give the same width for every line. */
  readonly lineWidth: (line: number) => number;
  /** Left offset of line `i` inside the column (hanging indents around a drop cap). */
  readonly lineOffset: (line: number) => number;
}

export interface PositionOptions extends LineGeometry {
  readonly fonts: FontTable;
  readonly expansion: number;
}

interface Word {
  /**
   * `box` is the index of the run's one box while the run is that box's
   * text whole (its width and glyphs are known), -1 otherwise. An index
   * rather than the box: a field that held boxes and then null would change
   * its type under optimised code, which V8 then throws away.
   */
  runs: { text: string; font: FontKey; box: number }[];
}

/** Turns chosen breaks into lines of positioned runs, justified to the last 0.001 pt. */
export function positionLines(items: readonly Item[], breaks: readonly Break[], options: PositionOptions): SetLine[] {
  const lines: SetLine[] = [];
  let start = 0;
  for (let index = 0; index < breaks.length; index++) {
    const brk = breaks[index]!;
    lines.push(positionLine(items, start, brk.position, index, index === breaks.length - 1, options));
    start = brk.position + 1;
    while (start < items.length && items[start]!.kind !== 'box') start++;
  }
  return lines;
}

/** A line's words (runs of text in their fonts) and the glue between them, gathered from its items. */
interface LineWords {
  readonly words: Word[];
  readonly gaps: { width: number; stretch: number; shrink: number }[];
  /** Width before the first word: a first-line indent, or the leading glue of centred text. */
  readonly indent: number;
  readonly splitWord: boolean;
  readonly hyphenated: boolean;
}

/**
 * Gathers the words of the line from item `start` to the break at `end`: a
 * function apart from the arithmetic of `positionLine`, because V8 compiles
 * two smaller functions sooner than one large one, and a cold build sets
 * its first lines with unoptimised code until it has.
 */
function lineWords(items: readonly Item[], start: number, end: number): LineWords {
  const words: Word[] = [];
  const gaps: { width: number; stretch: number; shrink: number }[] = [];
  let indent = 0;
  let pendingGlue: { width: number; stretch: number; shrink: number } | null = null;
  let splitWord = false;
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    // What comes before the first word is indent: the first line's indent box,
    // or the leading glue of centred or right-aligned text (alignment below
    // places the line). One addition serves both: centred lines are rare, and
    // an addition of its own that optimised code had never seen run threw
    // that code away mid-build, to be compiled again.
    if (item.kind === 'box' ? item.text === '' : item.kind === 'glue' && words.length === 0) {
      indent += item.width;
      continue;
    }
    if (item.kind === 'box') {
      if (item.split) splitWord = true;
      // Boxes with no glue between them are pieces of one word.
      if (pendingGlue && words.length > 0) {
        gaps.push(pendingGlue);
        words.push({ runs: [] });
      } else if (words.length === 0) {
        words.push({ runs: [] });
      }
      pendingGlue = null;
      const word = words[words.length - 1]!;
      const tail = word.runs[word.runs.length - 1];
      if (tail && tail.font === item.font) {
        tail.text += item.text;
        tail.box = -1;
      } else {
        word.runs.push({ text: item.text, font: item.font, box: i });
      }
    } else if (item.kind === 'glue') {
      pendingGlue = pendingGlue ?? { width: 0, stretch: 0, shrink: 0 };
      pendingGlue.width += item.width;
      pendingGlue.stretch += item.stretch;
      pendingGlue.shrink += item.shrink;
    }
  }
  const breakItem = items[end];
  const hyphenated = breakItem?.kind === 'penalty' && breakItem.mark !== undefined;
  if (hyphenated && breakItem.kind === 'penalty' && breakItem.mark && words.length > 0) {
    const word = words[words.length - 1]!;
    const tail = word.runs[word.runs.length - 1]!;
    if (tail.font === breakItem.mark.font) {
      tail.text += breakItem.mark.text;
      tail.box = -1;
    } else {
      word.runs.push({ text: breakItem.mark.text, font: breakItem.mark.font, box: -1 });
    }
  }

  return { words, gaps, indent, splitWord, hyphenated };
}

function positionLine(
  items: readonly Item[],
  start: number,
  end: number,
  index: number,
  last: boolean,
  options: PositionOptions,
): SetLine {
  const { fonts, size } = options;
  const { words, gaps, indent, splitWord, hyphenated } = lineWords(items, start, end);

  // Measure each run once: width in points and glyph count (for letter spacing).
  // Typed arrays throughout: a plain array of numbers changes its hidden class
  // when its first fraction arrives, and optimised code that saw only whole
  // numbers is thrown away.
  let runCount = 0;
  for (let w = 0; w < words.length; w++) runCount += words[w]!.runs.length;
  const runWidths = new Float64Array(runCount);
  const runGlyphs = new Float64Array(runCount);
  let textWidth = 0;
  let glyphGaps = 0;
  let r = 0;
  for (let w = 0; w < words.length; w++) {
    const wordRuns = words[w]!.runs;
    let count = 0;
    for (let k = 0; k < wordRuns.length; k++) {
      const run = wordRuns[k]!;
      // A word in one box was measured when it was itemized; a word joined from pieces is measured whole (kerning across the joins).
      const box = run.box >= 0 ? (items[run.box] as Box) : undefined;
      const metrics = fonts[run.font];
      const width = box !== undefined ? box.width : metrics.width(run.text) * size;
      const n = box !== undefined ? box.glyphs : metrics.glyphCount(run.text);
      runWidths[r] = width;
      runGlyphs[r] = n;
      r++;
      textWidth += width;
      count += n;
    }
    if (count > 1) glyphGaps += count - 1;
  }
  let gapWidth = 0;
  let stretch = 0;
  let shrink = 0;
  for (let g = 0; g < gaps.length; g++) {
    const gap = gaps[g]!;
    gapWidth += gap.width;
    stretch += gap.stretch;
    shrink += gap.shrink;
  }
  const measure = options.lineWidth(index);
  const offset = options.lineOffset(index);
  const natural = indent + textWidth + gapWidth;
  const normalSpace = fonts[options.spaceFont].space * size;

  const justified = options.align === 'justify' && !last && gaps.length > 0;
  const hangLeft = options.align === 'justify' ? hangLeftAt(items, start) : 0;
  // A last line the breaker chose to squeeze is squeezed here too, not left overfull.
  const fitted = justified || (options.align === 'justify' && natural > measure + hangLeft + hangRightAt(items, end));
  // A last line may also use its right hang rather than be squeezed (the breaker allowed it).
  const hangRight = fitted || natural > measure + hangLeft ? hangRightAt(items, end) : 0;
  const target = measure + hangLeft + hangRight;
  let letterSpacing = 0;
  let ratio = 0;
  let x = offset + indent - hangLeft;
  let overfull = 0;
  const gapWidths = new Float64Array(gaps.length);
  for (let g = 0; g < gaps.length; g++) gapWidths[g] = gaps[g]!.width;
  if (fitted) {
    const expand = glyphGaps > 0 ? textWidth * options.expansion : 0;
    const fit = fitLine(natural, target, stretch, shrink, expand);
    const expansion = fit.expansionRatio * expand;
    letterSpacing = glyphGaps > 0 ? expansion / glyphGaps : 0;
    // What the spaces must absorb once the letters took their share.
    const rest = target - natural - expansion;
    const spring = rest >= 0 ? stretch : shrink;
    ratio = spring > 0 ? rest / spring : 0;
    const clamped = Math.max(ratio, -1);
    for (let g = 0; g < gaps.length; g++) gapWidths[g] = gaps[g]!.width + clamped * (rest >= 0 ? gaps[g]!.stretch : gaps[g]!.shrink);
    if (ratio < -1) overfull = (-1 - ratio) * shrink;
    if (spring === 0 && rest < 0) overfull = -rest;
    // Distribute any rounding remainder over the gaps so the right edge is exact.
    if (ratio >= -1 && gapWidths.length > 0) {
      let total = indent + textWidth + expansion;
      for (let g = 0; g < gapWidths.length; g++) total += gapWidths[g]!;
      const drift = (target - total) / gapWidths.length;
      for (let g = 0; g < gapWidths.length; g++) gapWidths[g] = gapWidths[g]! + drift;
    }
  } else {
    const room = target - natural;
    // One statement for every alignment (a share of the room): centred lines
    // are rare, and a statement of their own, first met after optimisation,
    // threw the optimised code away.
    x += room * (options.align === 'right' ? 1 : options.align === 'center' ? 0.5 : 0);
    if (room < 0) overfull = -room;
  }
  if (!fitted && natural > target + 1e-6) overfull = natural - target;

  const runs: GlyphRun[] = [];
  const lineGaps: [number, number][] = [];
  r = 0;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      lineGaps.push([x, gapWidths[w - 1]!]);
      x += gapWidths[w - 1]!;
    }
    const wordRuns = words[w]!.runs;
    for (let k = 0; k < wordRuns.length; k++) {
      const run = wordRuns[k]!;
      const width = runWidths[r]! + letterSpacing * runGlyphs[r]!;
      r++;
      runs.push({ text: run.text, font: run.font, x, width });
      x += width;
    }
    x -= letterSpacing; // no spacing after a word's last glyph
  }
  return {
    runs,
    size,
    letterSpacing,
    measure,
    ratio: justified ? ratio : 0,
    justified,
    hyphenated,
    gaps: lineGaps,
    normalSpace,
    hang: [hangLeft, hangRight],
    overfull: overfull > 1e-6 ? overfull : 0,
    splitWord,
  };
}

