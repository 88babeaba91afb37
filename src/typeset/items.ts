import { COSTS, type Costs } from './costs.js';
import type { WordPiece } from './hyphenate.js';
import { splitByCoverage, type FontKey, type FontTable } from './metrics.js';
import { leftHang, rightHang } from './protrusion.js';

/**
 * The items of Knuth & Plass ("Breaking Paragraphs into Lines", 1981, §2):
 * boxes (material of fixed width), glue (space that stretches and shrinks)
 * and penalties (places to break, with a cost). Widths are in points.
 * Boxes with no glue between them are pieces of one word (hyphenation
 * points, font changes): on a line they join into one word.
 */
export type Item = Box | Glue | Penalty;

export interface Box {
  readonly kind: 'box';
  readonly width: number;
  readonly text: string;
  readonly font: FontKey;
  /** Whether justification may letter-space this box (not for indents). */
  readonly expandable: boolean;
  /** Set when the box is a letter of a word too wide for the column, split as a last resort. */
  readonly split?: true;
  /** Points the box's first character may hang past the left edge of a justified line. */
  readonly hangLeft: number;
  /** Points its last character may hang past the right edge. */
  readonly hangRight: number;
}

export interface Glue {
  readonly kind: 'glue';
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
}

export interface Penalty {
  readonly kind: 'penalty';
  /** Width added to the line if it breaks here, e.g. the hyphen. */
  readonly width: number;
  /** Cost of breaking here; `-Infinity` forces a break, `Infinity` forbids one. */
  readonly cost: number;
  /** Flagged penalties are hyphens: two in a row cost extra demerits. */
  readonly flagged: boolean;
  /** What is drawn at the end of the line when it breaks here. */
  readonly mark?: { readonly text: string; readonly font: FontKey };
  /** Points the mark may hang past the right edge. */
  readonly hang?: number;
}

/** Hang past the left edge of the line starting at item `i`. */
export function hangLeftAt(items: readonly Item[], i: number): number {
  const item = items[i];
  return item?.kind === 'box' ? item.hangLeft : 0;
}

/** Hang past the right edge of a line that breaks at item `b`. */
export function hangRightAt(items: readonly Item[], b: number): number {
  const item = items[b]!;
  if (item.kind === 'penalty' && item.mark) return item.hang ?? 0;
  const before = items[b - 1];
  return before?.kind === 'box' ? before.hangRight : 0;
}

/** A piece of paragraph text in one font. */
export interface TextRun {
  readonly text: string;
  readonly font: FontKey;
}

export type Alignment = 'justify' | 'left' | 'center' | 'right';

export interface ItemizeOptions {
  readonly fonts: FontTable;
  readonly size: number;
  /** Font whose space sets the inter-word glue. */
  readonly spaceFont: FontKey;
  readonly align: Alignment;
  readonly firstIndent: number;
  /** The narrowest line of the paragraph: words wider than this are split. */
  readonly minLineWidth: number;
  /** Splits a word into pieces a line may break between (hyphenation). */
  readonly splitWord: (word: string) => readonly WordPiece[];
  /** Defaults to `COSTS`. */
  readonly costs?: Costs;
  /**
   * Items of words itemized before with these same options (see
   * `WordItems`); filled as words are met.
   */
  readonly wordItems?: WordItems;
}

/** Stretch of the line end for ragged text, as in [KP] §"ragged right": 3 ems. */
const RAGGED_STRETCH_EM = 3;
/** Stretch of the glue that ends a paragraph: effectively infinite ("fil"). */
export const FILL = 1e6;

type Segment = TextRun;

/** Splits runs into words (lists of font segments) at white space; no-break spaces stay inside words. */
export function wordsOf(runs: readonly TextRun[]): Segment[][] {
  const words: Segment[][] = [];
  let current: Segment[] = [];
  for (const run of runs) {
    for (const part of run.text.split(/([ \t\r\n]+)/)) {
      if (part === '') continue;
      if (/^[ \t\r\n]+$/.test(part)) {
        if (current.length > 0) words.push(current);
        current = [];
      } else {
        current.push({ text: part, font: run.font });
      }
    }
  }
  if (current.length > 0) words.push(current);
  return words;
}

/**
 * Items of the words a typesetting context has set before, by font and then
 * by text, for one setting (`wordCacheKey`). A word's items depend only on
 * its text and the setting, and an edition repeats its words (the bench
 * edition: 47,099 words, 5,927 distinct), so each distinct word is split,
 * hyphenated, shaped and measured once and its items are shared.
 */
export type WordItems = Map<FontKey, Map<string, readonly Item[]>>;

/**
 * What a word's items depend on besides its text, the fonts and the costs:
 * the size, alignment (hanging punctuation, ties), hyphenation and the
 * narrowest line (words wider than it are split into letters).
 */
export function wordCacheKey(size: number, align: Alignment, hyphenate: boolean, minLineWidth: number): string {
  return `${size}|${align}|${hyphenate}|${minLineWidth}`;
}

/** Turns a paragraph's runs into boxes, glue and penalties, ending with the paragraph's final break. */
export function itemize(runs: readonly TextRun[], options: ItemizeOptions): Item[] {
  const { fonts, size, align } = options;
  const items: Item[] = [];
  const interWord = interWordGlue(fonts[options.spaceFont].space * size, align, size, options.costs ?? COSTS);
  if (options.firstIndent > 0) {
    items.push({ kind: 'box', width: options.firstIndent, text: '', font: options.spaceFont, expandable: false, hangLeft: 0, hangRight: 0 });
  }
  if (align === 'center' || align === 'right') {
    items.push({ kind: 'glue', width: 0, stretch: RAGGED_STRETCH_EM * size, shrink: 0 });
  }
  const cache = options.wordItems;
  let first = true;
  for (const segments of wordsOf(runs)) {
    if (!first) for (const item of interWord) items.push(item);
    first = false;
    const only = segments.length === 1 ? segments[0]! : undefined;
    if (cache && only) {
      let byText = cache.get(only.font);
      if (!byText) cache.set(only.font, (byText = new Map()));
      let word = byText.get(only.text);
      if (!word) byText.set(only.text, (word = wordItems(segments, options)));
      for (let i = 0; i < word.length; i++) items.push(word[i]!);
    } else {
      for (const item of wordItems(segments, options)) items.push(item);
    }
  }
  const end: Item[] =
    align === 'justify' || align === 'left'
      ? [{ kind: 'glue', width: 0, stretch: FILL, shrink: 0 }]
      : [{ kind: 'glue', width: 0, stretch: RAGGED_STRETCH_EM * size, shrink: 0 }];
  items.push({ kind: 'penalty', width: 0, cost: Infinity, flagged: false }, ...end, {
    kind: 'penalty',
    width: 0,
    cost: -Infinity,
    flagged: false,
  });
  return items;
}

/** Word space glue, in fractions of the font's own space `space`. */
export function spaceGlue(space: number, costs: Costs): Glue {
  return { kind: 'glue', width: space * costs.spaceWidth, stretch: space * costs.spaceStretch, shrink: space * costs.spaceShrink };
}

function interWordGlue(space: number, align: Alignment, size: number, costs: Costs): readonly Item[] {
  if (align === 'justify') return [spaceGlue(space, costs)];
  // Ragged: the line end stretches, spaces stay at their natural width ([KP] p. 1144).
  const ragged = RAGGED_STRETCH_EM * size;
  return [
    { kind: 'glue', width: 0, stretch: ragged, shrink: 0 },
    { kind: 'penalty', width: 0, cost: 0, flagged: false },
    { kind: 'glue', width: space * costs.spaceWidth, stretch: -ragged, shrink: 0 },
  ];
}

/** One word's items: its pieces in their fonts, with the breaks allowed between them. */
function wordItems(wordSegments: readonly Segment[], options: ItemizeOptions): Item[] {
  const { fonts, size } = options;
  const items: Item[] = [];
  // Most words are one segment the font covers and has no tie in: the fast path.
  const segments =
    wordSegments.length === 1 && fonts[wordSegments[0]!.font].covers === undefined
      ? wordSegments
      : wordSegments.flatMap((segment) => splitByCoverage(segment.text, segment.font, fonts));
  for (const segment of segments) {
    const ties = segment.text.includes('\u00A0') ? segment.text.split('\u00A0') : [segment.text];
    for (let t = 0; t < ties.length; t++) {
      const text = ties[t]!;
      if (t > 0) {
        // A no-break space: glue that cannot be a break ([TB] ch. 14, `~`).
        items.push({ kind: 'penalty', width: 0, cost: Infinity, flagged: false });
        const glue = spaceGlue(fonts[segment.font].space * size, options.costs ?? COSTS);
        // Ragged lines are set at natural spacing, so the tie must not stretch or shrink either.
        items.push(options.align === 'justify' ? glue : { ...glue, stretch: 0, shrink: 0 });
      }
      if (text === '') continue;
      // Only a word in a single font is hyphenated: a break inside mixed styling is rare and ugly.
      const pieces: readonly WordPiece[] =
        segments.length === 1 && ties.length === 1 ? options.splitWord(text) : [{ text: text.replaceAll('\u00AD', ''), after: 'end' }];
      for (const piece of pieces) pushPiece(items, piece, segment.font, options);
    }
  }
  return items;
}

function pushPiece(items: Item[], piece: WordPiece, font: FontKey, options: ItemizeOptions): void {
  const costs = options.costs ?? COSTS;
  const metrics = options.fonts[font];
  const size = options.size;
  const width = metrics.width(piece.text) * size;
  const hyphen = { text: '-', font };
  const hyphenWidth = metrics.width('-') * size;
  // Hanging punctuation only where both edges are flush.
  const hangs = options.align === 'justify';
  const hyphenHang = hangs ? rightHang('-', metrics, size) : 0;
  if (width > options.minLineWidth) {
    // Wider than the column: break between any two characters, at a high cost.
    const chars = [...piece.text];
    chars.forEach((ch, i) => {
      items.push({ kind: 'box', width: metrics.width(ch) * size, text: ch, font, expandable: true, split: true, hangLeft: 0, hangRight: 0 });
      if (i < chars.length - 1) {
        // Not flagged: a split word is reported on its own and must not hit the hyphen-run limit.
        items.push({ kind: 'penalty', width: hyphenWidth, cost: costs.splitWordPenalty, flagged: false, mark: hyphen, hang: hyphenHang });
      }
    });
  } else {
    items.push({
      kind: 'box',
      width,
      text: piece.text,
      font,
      expandable: true,
      hangLeft: hangs ? leftHang(piece.text, metrics, size) : 0,
      hangRight: hangs ? rightHang(piece.text, metrics, size) : 0,
    });
  }
  switch (piece.after) {
    case 'hyphen':
      items.push({ kind: 'penalty', width: hyphenWidth, cost: costs.hyphenPenalty, flagged: true, mark: hyphen, hang: hyphenHang });
      break;
    case 'explicit':
      items.push({ kind: 'penalty', width: 0, cost: costs.explicitHyphenPenalty, flagged: true });
      break;
    case 'url':
      items.push({ kind: 'penalty', width: 0, cost: costs.urlBreakPenalty, flagged: false });
      break;
    case 'end':
      break;
  }
}
