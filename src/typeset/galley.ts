import { MIN_LINES_AT_BREAK } from './costs.js';
import type { Alignment, TextRun } from './items.js';
import type { FontKey } from './metrics.js';
import { setParagraph, type TypesetContext } from './paragraph.js';
import type { SetLine } from './position.js';

/** How a kind of paragraph looks: a paragraph style of a page-layout program. */
export interface ParagraphStyle {
  readonly font: FontKey;
  readonly size: number;
  /** Baseline-to-baseline distance. */
  readonly leading: number;
  readonly align: Alignment;
  /** Indent of the first line, unless the paragraph follows a heading (newspaper convention). */
  readonly firstIndent: number;
  readonly leftIndent: number;
  readonly rightIndent: number;
  readonly hyphenate: boolean;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Stays in the same column as the first lines of the next block (headings, bylines). */
  readonly keepWithNext: boolean;
  /** Lines of a drop cap on the first paragraph, 0 for none. */
  readonly dropCapLines: number;
}

/** A paragraph to set: its style and its text. */
export interface StoryBlock {
  readonly style: ParagraphStyle;
  readonly runs: readonly TextRun[];
  /** Text of a list marker (bullet or number) hung in the left indent. */
  readonly marker?: string;
  /** Set the first line without indent (the first paragraph, or one after a subhead). */
  readonly noIndent?: boolean;
  /** Draw the first letter as a drop cap over `style.dropCapLines` lines. */
  readonly dropCap?: boolean;
}

/** A drop cap: one large letter hung into the first lines of a paragraph. */
export interface DropCap {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  /** Baseline of the letter below the top of its first line, at the baseline of line `lines`. */
  readonly lines: number;
  readonly width: number;
}

/** One set line with its vertical metrics and column-break rule. */
export interface GalleyLine {
  readonly kind: 'line';
  readonly line: SetLine;
  /** Left offset of the line inside the column (block quotes, list items). */
  readonly x: number;
  /** Height the line takes: its leading. */
  readonly height: number;
  /** Space above the line, dropped when the line starts a column. */
  readonly spaceBefore: number;
  /** Baseline below the top of the line's box. */
  readonly baseline: number;
  /** A column may not end after this line: widow, orphan and keep-with-next control. */
  readonly keepWithNext: boolean;
  /** Index of the block the line belongs to. */
  readonly block: number;
  readonly firstOfBlock: boolean;
  readonly lastOfBlock: boolean;
  readonly marker?: { readonly text: string; readonly font: FontKey; readonly x: number };
  readonly dropCap?: DropCap;
}

/**
 * Sets a story's blocks for a column of `width` points into a galley: a
 * list of lines that only knows where it may be cut. Widow and orphan
 * control is data on the lines (as in Typst's flow layout): a paragraph of n
 * lines may be cut after line k only when k ≥ 2 and n − k ≥ 2.
 */
export function setGalley(blocks: readonly StoryBlock[], width: number, context: TypesetContext): GalleyLine[] {
  const galley: GalleyLine[] = [];
  blocks.forEach((block, index) => {
    const { style } = block;
    const inner = width - style.leftIndent - style.rightIndent;
    const capLines = block.dropCap && style.dropCapLines > 1 ? style.dropCapLines : 0;
    const dropCap = capLines > 0 ? dropCapOf(block, context) : undefined;
    const runs = dropCap ? withoutFirstLetter(block.runs, dropCap.text) : block.runs;
    const capIndent = dropCap ? dropCap.width + style.size * 0.35 : 0;
    const lines = setParagraph(
      runs,
      {
        size: style.size,
        spaceFont: style.font,
        align: style.align,
        firstIndent: block.noIndent || dropCap || block.marker ? 0 : style.firstIndent,
        hyphenate: style.hyphenate,
        lineWidth: (i) => (i < capLines ? inner - capIndent : inner),
        lineOffset: (i) => (i < capLines ? capIndent : 0),
      },
      context,
    );
    const n = lines.length;
    const capHeight = context.fonts[style.font].capHeight * style.size;
    const baseline = (style.leading + capHeight) / 2;
    for (let k = 0; k < n; k++) {
      const line = lines[k]!;
      const after = k + 1;
      // A word is never split across columns or pages: no cut after a hyphenated line.
      const breakable =
        !line.hyphenated &&
        (after === n ? !style.keepWithNext : after >= MIN_LINES_AT_BREAK && n - after >= MIN_LINES_AT_BREAK && after >= capLines);
      galley.push({
        kind: 'line',
        line,
        x: style.leftIndent,
        height: style.leading,
        spaceBefore: k === 0 ? style.spaceBefore + (index > 0 ? blocks[index - 1]!.style.spaceAfter : 0) : 0,
        baseline,
        keepWithNext: !breakable,
        block: index,
        firstOfBlock: k === 0,
        lastOfBlock: after === n,
        // Both written on every line, undefined where absent: one shape for
        // every line, and no spread of varying shapes (V8's slow path).
        marker: k === 0 && block.marker ? { text: block.marker, font: style.font, x: -style.size * 1.1 } : undefined,
        dropCap: k === 0 ? dropCap : undefined,
      });
    }
  });
  return galley;
}

function dropCapOf(block: StoryBlock, context: TypesetContext): DropCap | undefined {
  const first = block.runs[0];
  const letter = first ? /^\s*([“"‘']?\p{L})/u.exec(first.text)?.[1] : undefined;
  if (!first || !letter) return undefined;
  const { style } = block;
  const font: FontKey = 'display';
  const capHeight = context.fonts[font].capHeight;
  // The letter's cap height spans from the first line's cap line to the last line's baseline.
  const span = (style.dropCapLines - 1) * style.leading + context.fonts[style.font].capHeight * style.size;
  const size = span / capHeight;
  return { text: letter, font, size, lines: style.dropCapLines, width: context.fonts[font].width(letter) * size };
}

function withoutFirstLetter(runs: readonly TextRun[], letter: string): TextRun[] {
  const [first, ...rest] = runs;
  if (!first) return [];
  const text = first.text.replace(/^\s+/, '');
  return [{ ...first, text: text.slice(letter.length) }, ...rest];
}
