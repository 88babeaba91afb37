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
  readonly split?: boolean;
  /** Points the box's first character may hang past the left edge of a justified line. */
  readonly hangLeft: number;
  /** Points its last character may hang past the right edge. */
  readonly hangRight: number;
  /** Glyphs its text sets in its font: the positioner letter-spaces by glyph. */
  readonly glyphs: number;
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

/**
 * Every item is made here, with the fields of all three kinds in one order,
 * so that V8 gives every item the same hidden class ("map"). The line
 * breaker and the positioner read `kind`, `width` and the rest of every
 * item in their loops: with a map per kind and per optional field (split
 * boxes, hyphen penalties) those reads were polymorphic, and each shape
 * first met in the middle of a cold build threw their optimised code away
 * ("wrong map" deoptimisations) to be compiled again. The types stay the
 * discriminated union above; the unused fields are neutral values.
 */
function item(
  kind: Item['kind'],
  width: number,
  stretch: number,
  shrink: number,
  cost: number,
  flagged: boolean,
  text: string,
  font: FontKey | '',
  expandable: boolean,
  split: boolean,
  hangLeft: number,
  hangRight: number,
  mark: Penalty['mark'],
  hang: number,
  glyphs: number,
): Item {
  return { kind, width, stretch, shrink, cost, flagged, text, font, expandable, split, hangLeft, hangRight, mark, hang, glyphs } as unknown as Item;
}

/** A box: material of fixed width, `glyphs` glyphs of text. `split` marks a letter of a word too wide for the column. */
export function box(width: number, text: string, font: FontKey, expandable: boolean, hangLeft: number, hangRight: number, glyphs: number, split = false): Box {
  return item('box', width, 0, 0, 0, false, text, font, expandable, split, hangLeft, hangRight, undefined, 0, glyphs) as Box;
}

export function glue(width: number, stretch: number, shrink: number): Glue {
  return item('glue', width, stretch, shrink, 0, false, '', '', false, false, 0, 0, undefined, 0, 0) as Glue;
}

export function penalty(width: number, cost: number, flagged: boolean, mark?: Penalty['mark'], hang = 0): Penalty {
  return item('penalty', width, 0, 0, cost, flagged, '', '', false, false, 0, 0, mark, hang, 0) as Penalty;
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

/**
 * The words of the paragraph being itemized, gathered by `gatherWords`: each
 * segment's text and font (a word's part in one run; most words are one
 * segment), and where each word's segments end. One instance serves every
 * paragraph, its lists written from the start each time and read up to the
 * counts: as a list per word and an object per segment, the words of an
 * edition were some 100,000 objects made and dropped, mostly while V8 had
 * not yet optimised this code.
 */
class ParagraphWords {
  count = 0;
  readonly texts: string[] = [];
  readonly fonts: FontKey[] = [];
  /** Segment index after each word's last segment. */
  ends = new Int32Array(256);

  /** Room for one more word. */
  grow(): void {
    const ends = new Int32Array(2 * this.ends.length);
    ends.set(this.ends);
    this.ends = ends;
  }
}

const paragraphWords = new ParagraphWords();

/** Splits runs into words (segments in their fonts, into `paragraphWords`) at white space; no-break spaces stay inside words. */
function gatherWords(runs: readonly TextRun[]): void {
  const words = paragraphWords;
  const { texts, fonts } = words;
  let count = 0;
  let segments = 0;
  // Whether the word being gathered has a segment yet.
  let open = false;
  // Scans character codes rather than splitting on a regular expression: this
  // runs over every paragraph, mostly before V8 has optimised it.
  for (let r = 0; r < runs.length; r++) {
    const { text, font } = runs[r]!;
    let i = 0;
    while (i < text.length) {
      if (isSpace(text.charCodeAt(i))) {
        if (open) {
          if (count === words.ends.length) words.grow();
          words.ends[count++] = segments;
          open = false;
        }
        i++;
        continue;
      }
      let end = i + 1;
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      texts[segments] = text.slice(i, end);
      fonts[segments] = font;
      segments++;
      open = true;
      i = end;
    }
  }
  if (open) {
    if (count === words.ends.length) words.grow();
    words.ends[count++] = segments;
  }
  words.count = count;
}

/** Segments `from` to `to` of the gathered words, as a list of their own. */
function segmentsOf(from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  for (let k = from; k < to; k++) segments.push({ text: paragraphWords.texts[k]!, font: paragraphWords.fonts[k]! });
  return segments;
}

/** Space, tab, line feed, carriage return: what separates words (not the no-break space). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Items of the words a typesetting context has set before, by font and then
 * by text, for one setting (`wordCacheKey`). A word's items depend only on
 * its text and the setting, and an edition repeats its words (the bench
 * edition: 47,099 words, 5,927 distinct), so each distinct word is split,
 * hyphenated, shaped and measured once and its items are shared.
 */
export type WordItems = Map<FontKey, Map<string, WordEntry>>;

/**
 * A word's items, and the width of its widest box. The narrowest line of a
 * paragraph changes a word's items only when a piece is wider than it (the
 * piece is then split into letters): the items hold for every paragraph
 * whose narrowest line is at least `widest`. Body paragraphs with and
 * without a first-line indent thus share their words.
 */
export interface WordEntry {
  readonly items: readonly Item[];
  readonly widest: number;
}

/**
 * What a word's items depend on besides its text, the fonts, the costs and
 * the narrowest line (see `WordEntry`): the size, alignment (hanging
 * punctuation, ties) and hyphenation.
 */
export function wordCacheKey(size: number, align: Alignment, hyphenate: boolean): string {
  return `${size}|${align}|${hyphenate}`;
}

/** Width of the widest box of a word's items; Infinity for a word split into letters, whose items hold for its line width only. */
function widestBox(items: readonly Item[]): number {
  let widest = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'box') continue;
    if (item.split) return Infinity;
    if (item.width > widest) widest = item.width;
  }
  return widest;
}

/**
 * A word's items from the cache, itemized and remembered on first use. A
 * word too wide for this paragraph's narrowest line is itemized anew (split)
 * and not remembered.
 */
function cachedWord(cache: WordItems, text: string, font: FontKey, options: ItemizeOptions): readonly Item[] {
  let byText = cache.get(font);
  if (!byText) cache.set(font, (byText = new Map()));
  const entry = byText.get(text);
  if (entry !== undefined && entry.widest <= options.minLineWidth) return entry.items;
  const items = itemizeWord([{ text, font }], options);
  if (entry === undefined) {
    const widest = widestBox(items);
    if (widest <= options.minLineWidth) byText.set(text, { items, widest });
  }
  return items;
}

/** Turns a paragraph's runs into boxes, glue and penalties, ending with the paragraph's final break. */
export function itemize(runs: readonly TextRun[], options: ItemizeOptions): Item[] {
  const { fonts, size, align } = options;
  // Worked out whether or not it is used: arithmetic in a branch that justified
  // text never takes threw this function's optimised code away 21 times in a build.
  const ragged = RAGGED_STRETCH_EM * size;
  const items: Item[] = [];
  const interWord = interWordGlue(fonts[options.spaceFont].space * size, align, size, options.costs ?? COSTS);
  openParagraph(items, options, ragged);
  const cache = options.wordItems;
  gatherWords(runs);
  const { count, ends, texts, fonts: segmentFonts } = paragraphWords;
  for (let w = 0; w < count; w++) {
    if (w > 0) for (let i = 0; i < interWord.length; i++) items.push(interWord[i]!);
    const from = w === 0 ? 0 : ends[w - 1]!;
    const to = ends[w]!;
    const word = cache && to - from === 1 ? cachedWord(cache, texts[from]!, segmentFonts[from]!, options) : itemizeWord(segmentsOf(from, to), options);
    for (let i = 0; i < word.length; i++) items.push(word[i]!);
  }
  const end = align === 'justify' || align === 'left' ? FILL : ragged;
  items.push(penalty(0, Infinity, false), glue(0, end, 0), penalty(0, -Infinity, false));
  return items;
}

/**
 * What comes before a paragraph's first word: the first line's indent, and
 * the stretch that centres or right-aligns. A function of its own, called for
 * every paragraph: a call first made in the middle of a build (the first
 * centred paragraph) has no feedback in `itemize`'s optimised code, which
 * V8 then throws away and compiles again.
 */
function openParagraph(items: Item[], options: ItemizeOptions, ragged: number): void {
  if (options.firstIndent > 0) items.push(box(options.firstIndent, '', options.spaceFont, false, 0, 0, 0));
  if (options.align === 'center' || options.align === 'right') items.push(glue(0, ragged, 0));
}

/** Word space glue, in fractions of the font's own space `space`. */
export function spaceGlue(space: number, costs: Costs): Glue {
  return glue(space * costs.spaceWidth, space * costs.spaceStretch, space * costs.spaceShrink);
}

function interWordGlue(space: number, align: Alignment, size: number, costs: Costs): readonly Item[] {
  if (align === 'justify') return [spaceGlue(space, costs)];
  // Ragged: the line end stretches, spaces stay at their natural width ([KP] p. 1144).
  const ragged = RAGGED_STRETCH_EM * size;
  return [glue(0, ragged, 0), penalty(0, 0, false), glue(space * costs.spaceWidth, -ragged, 0)];
}

/** One word's items: its pieces in their fonts, with the breaks allowed between them. */
function itemizeWord(wordSegments: readonly Segment[], options: ItemizeOptions): Item[] {
  const { fonts, size } = options;
  const items: Item[] = [];
  // Most words are one segment: no `flatMap` (a closure call and an array) for them.
  const only = wordSegments.length === 1 ? wordSegments[0]! : undefined;
  const segments = only ? splitByCoverage(only.text, only.font, fonts) : wordSegments.flatMap((segment) => splitByCoverage(segment.text, segment.font, fonts));
  // Indexed loops: unoptimised code runs a `for…of` through an iterator object.
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const ties = segment.text.includes('\u00A0') ? segment.text.split('\u00A0') : [segment.text];
    for (let t = 0; t < ties.length; t++) {
      const text = ties[t]!;
      if (t > 0) {
        // A no-break space: glue that cannot be a break ([TB] ch. 14, `~`).
        items.push(penalty(0, Infinity, false));
        const tie = spaceGlue(fonts[segment.font].space * size, options.costs ?? COSTS);
        // Ragged lines are set at natural spacing, so the tie must not stretch or shrink either.
        items.push(options.align === 'justify' ? tie : glue(tie.width, 0, 0));
      }
      if (text === '') continue;
      const pieces = piecesOf(text, segments.length === 1 && ties.length === 1, options);
      for (let p = 0; p < pieces.length; p++) pushPiece(items, pieces[p]!, segment.font, options);
    }
  }
  return items;
}

/**
 * The pieces a word may break between. Only a word in a single font is
 * hyphenated: a break inside mixed styling is rare and ugly. A function of
 * its own, called for every word, for the reason `openParagraph` gives.
 */
function piecesOf(text: string, hyphenate: boolean, options: ItemizeOptions): readonly WordPiece[] {
  return hyphenate ? options.splitWord(text) : [{ text: text.replaceAll('\u00AD', ''), after: 'end' }];
}

function pushPiece(items: Item[], piece: WordPiece, font: FontKey, options: ItemizeOptions): void {
  const costs = options.costs ?? COSTS;
  const metrics = options.fonts[font];
  const size = options.size;
  const width = metrics.width(piece.text) * size;
  // Right after the width: the metrics remember the text they measured last.
  const glyphs = metrics.glyphCount(piece.text);
  // Hanging punctuation only where both edges are flush.
  const hangs = options.align === 'justify';
  if (width > options.minLineWidth) {
    // Wider than the column: break between any two characters, at a high cost.
    const chars = [...piece.text];
    chars.forEach((ch, i) => {
      items.push(box(metrics.width(ch) * size, ch, font, true, 0, 0, metrics.glyphCount(ch), true));
      // Not flagged: a split word is reported on its own and must not hit the hyphen-run limit.
      if (i < chars.length - 1) items.push(hyphenBreak(font, options, costs.splitWordPenalty, false));
    });
  } else {
    items.push(box(width, piece.text, font, true, hangs ? leftHang(piece.text, metrics, size) : 0, hangs ? rightHang(piece.text, metrics, size) : 0, glyphs));
  }
  switch (piece.after) {
    case 'hyphen':
      items.push(hyphenBreak(font, options, costs.hyphenPenalty, true));
      break;
    case 'explicit':
      items.push(penalty(0, costs.explicitHyphenPenalty, true));
      break;
    case 'url':
      items.push(penalty(0, costs.urlBreakPenalty, false));
      break;
    case 'end':
      break;
  }
}

/** A break that shows a hyphen in `font` at the end of the line, hanging where both edges are flush. */
function hyphenBreak(font: FontKey, options: ItemizeOptions, cost: number, flagged: boolean): Penalty {
  const metrics = options.fonts[font];
  const hang = options.align === 'justify' ? rightHang('-', metrics, options.size) : 0;
  return penalty(metrics.width('-') * options.size, cost, flagged, { text: '-', font }, hang);
}
