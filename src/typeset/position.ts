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

/**
 * A line's words, gathered from its items by `gatherLine`: its runs (text
 * in one font), where each word ends, and the glue between words. One
 * instance serves every line, its arrays written from the start each time
 * and read up to the counts: a line's words are read twice and dropped, and
 * as objects (a word, its list of runs, a run, a gap) they were a quarter of
 * what a cold build allocated.
 */
class LineParts {
  /** Width before the first word: a first-line indent, or the leading glue of centred text. */
  indent = 0;
  splitWord = false;
  hyphenated = false;
  wordCount = 0;
  /** Gaps between words: wordCount − 1 of them once the line is gathered. */
  gapCount = 0;
  readonly texts: string[] = [];
  readonly fonts: FontKey[] = [];
  /**
   * The item index of a run's one box while the run is that box's text
   * whole (its width and glyphs are known), -1 otherwise.
   */
  boxes = new Int32Array(64);
  /** Run index after each word's last run. */
  wordEnds = new Int32Array(64);
  naturalGapWidths = new Float64Array(64);
  gapStretches = new Float64Array(64);
  gapShrinks = new Float64Array(64);
  /** Each run's width and glyph count, and each gap's width as set, filled by `positionLine`. */
  runWidths = new Float64Array(64);
  runGlyphs = new Float64Array(64);
  setGapWidths = new Float64Array(64);

  /** Makes room for a line of `items` items: it has fewer runs, words and gaps than that. */
  reserve(items: number): void {
    if (items <= this.boxes.length) return;
    const size = 2 * items;
    this.boxes = new Int32Array(size);
    this.wordEnds = new Int32Array(size);
    this.naturalGapWidths = new Float64Array(size);
    this.gapStretches = new Float64Array(size);
    this.gapShrinks = new Float64Array(size);
    this.runWidths = new Float64Array(size);
    this.runGlyphs = new Float64Array(size);
    this.setGapWidths = new Float64Array(size);
  }
}

const parts = new LineParts();

/**
 * Gathers the words of the line from item `start` to the break at `end`
 * into `parts`: a function apart from the arithmetic of `positionLine`,
 * because V8 compiles two smaller functions sooner than one large one, and
 * a cold build sets its first lines with unoptimised code until it has.
 */
function gatherLine(items: readonly Item[], start: number, end: number): void {
  parts.reserve(end - start + 2);
  const { texts, fonts, boxes, wordEnds, naturalGapWidths, gapStretches, gapShrinks } = parts;
  let indent = 0;
  let splitWord = false;
  let runs = 0;
  let words = 0;
  let gaps = 0;
  // Glue met since the last box: it becomes a gap if another word follows.
  let pending = false;
  let pendingWidth = 0;
  let pendingStretch = 0;
  let pendingShrink = 0;
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    // What comes before the first word is indent: the first line's indent box,
    // or the leading glue of centred or right-aligned text (alignment below
    // places the line). One addition serves both: centred lines are rare, and
    // an addition of its own that optimised code had never seen run threw
    // that code away mid-build, to be compiled again.
    if (item.kind === 'box' ? item.text === '' : item.kind === 'glue' && words === 0) {
      indent += item.width;
      continue;
    }
    if (item.kind === 'box') {
      if (item.split) splitWord = true;
      // Boxes with no glue between them are pieces of one word.
      if (pending && words > 0) {
        naturalGapWidths[gaps] = pendingWidth;
        gapStretches[gaps] = pendingStretch;
        gapShrinks[gaps] = pendingShrink;
        gaps++;
        words++;
      } else if (words === 0) {
        words++;
      }
      pending = false;
      // A piece in the font of the word's last run joins that run.
      if (runs > 0 && (words === 1 ? runs > 0 : wordEnds[words - 2]! < runs) && fonts[runs - 1] === item.font) {
        texts[runs - 1] += item.text;
        boxes[runs - 1] = -1;
      } else {
        texts[runs] = item.text;
        fonts[runs] = item.font;
        boxes[runs] = i;
        runs++;
      }
      wordEnds[words - 1] = runs;
    } else if (item.kind === 'glue') {
      if (!pending) {
        pending = true;
        pendingWidth = 0;
        pendingStretch = 0;
        pendingShrink = 0;
      }
      pendingWidth += item.width;
      pendingStretch += item.stretch;
      pendingShrink += item.shrink;
    }
  }
  const breakItem = items[end];
  const hyphenated = breakItem?.kind === 'penalty' && breakItem.mark !== undefined;
  if (hyphenated && breakItem.kind === 'penalty' && breakItem.mark && words > 0) {
    if (fonts[runs - 1] === breakItem.mark.font) {
      texts[runs - 1] += breakItem.mark.text;
      boxes[runs - 1] = -1;
    } else {
      texts[runs] = breakItem.mark.text;
      fonts[runs] = breakItem.mark.font;
      boxes[runs] = -1;
      runs++;
      wordEnds[words - 1] = runs;
    }
  }
  parts.indent = indent;
  parts.splitWord = splitWord;
  parts.hyphenated = hyphenated;
  parts.wordCount = words;
  parts.gapCount = gaps;
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
  gatherLine(items, start, end);
  const { indent, splitWord, hyphenated, wordCount, gapCount, texts, boxes, wordEnds, naturalGapWidths, gapStretches, gapShrinks, runWidths, runGlyphs } = parts;
  const runFonts = parts.fonts;

  // Measure each run once: width in points and glyph count (for letter spacing).
  let textWidth = 0;
  let glyphGaps = 0;
  let r = 0;
  for (let w = 0; w < wordCount; w++) {
    let count = 0;
    for (; r < wordEnds[w]!; r++) {
      // A word in one box was measured when it was itemized; a word joined from pieces is measured whole (kerning across the joins).
      const box = boxes[r]! >= 0 ? (items[boxes[r]!] as Box) : undefined;
      const metrics = fonts[runFonts[r]!];
      const width = box !== undefined ? box.width : metrics.width(texts[r]!) * size;
      const n = box !== undefined ? box.glyphs : metrics.glyphCount(texts[r]!);
      runWidths[r] = width;
      runGlyphs[r] = n;
      textWidth += width;
      count += n;
    }
    if (count > 1) glyphGaps += count - 1;
  }
  let gapWidth = 0;
  let stretch = 0;
  let shrink = 0;
  for (let g = 0; g < gapCount; g++) {
    gapWidth += naturalGapWidths[g]!;
    stretch += gapStretches[g]!;
    shrink += gapShrinks[g]!;
  }
  const measure = options.lineWidth(index);
  const offset = options.lineOffset(index);
  const natural = indent + textWidth + gapWidth;
  const normalSpace = fonts[options.spaceFont].space * size;

  const justified = options.align === 'justify' && !last && gapCount > 0;
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
  const gapWidths = parts.setGapWidths;
  for (let g = 0; g < gapCount; g++) gapWidths[g] = naturalGapWidths[g]!;
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
    for (let g = 0; g < gapCount; g++) gapWidths[g] = naturalGapWidths[g]! + clamped * (rest >= 0 ? gapStretches[g]! : gapShrinks[g]!);
    if (ratio < -1) overfull = (-1 - ratio) * shrink;
    if (spring === 0 && rest < 0) overfull = -rest;
    // Distribute any rounding remainder over the gaps so the right edge is exact.
    if (ratio >= -1 && gapCount > 0) {
      let total = indent + textWidth + expansion;
      for (let g = 0; g < gapCount; g++) total += gapWidths[g]!;
      const drift = (target - total) / gapCount;
      for (let g = 0; g < gapCount; g++) gapWidths[g] = gapWidths[g]! + drift;
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
  for (let w = 0; w < wordCount; w++) {
    if (w > 0) {
      lineGaps.push([x, gapWidths[w - 1]!]);
      x += gapWidths[w - 1]!;
    }
    for (; r < wordEnds[w]!; r++) {
      const width = runWidths[r]! + letterSpacing * runGlyphs[r]!;
      runs.push({ text: texts[r]!, font: runFonts[r]!, x, width });
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

