/**
 * Reading PDFs back in tests with pdf.js (legacy build, the only one that
 * runs in Node): text items with positions in the manifest's coordinates
 * (points from the page's TOP-LEFT corner), link annotations with their
 * target page, outline, metadata and page labels.
 */

import { loadPdfjs, type Pdfjs as PdfJs } from '../../src/build/pdfjs-node.js';

export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** One text item as pdf.js extracts it, in top-left page coordinates. */
export interface TextItem {
  readonly str: string;
  /** Left edge of the item. */
  readonly x: number;
  /** Baseline, from the page's top. */
  readonly y: number;
  readonly width: number;
  /** Font size (height of the em box). */
  readonly height: number;
  readonly fontName: string;
}

export interface PageText {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
}

/** A link annotation: its rectangle as `[x, y, w, h]` from the top-left, and the 1-based page it leads to. */
export interface LinkAnnotation {
  readonly box: readonly [number, number, number, number];
  readonly page: number | undefined;
}

/**
 * Opens PDF bytes with pdf.js. The bytes are copied (pdf.js detaches the
 * buffer it is given). No `isEvalSupported`: pdf.js 6 removed the option
 * along with every use of eval. No standard font data: our fonts are embedded.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  // A plain Uint8Array copy: pdf.js refuses Buffers and detaches what it is given.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

/** Frees a document opened with `openPdf`. */
export async function closePdf(doc: PdfDocument): Promise<void> {
  await doc.loadingTask.destroy();
}

/** Text of page `number` (1-based), every non-empty item with its position. */
export async function pageText(doc: PdfDocument, number: number): Promise<PageText> {
  const page = await doc.getPage(number);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const width = x1 - x0;
  const height = y1 - y0;
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const t = item.transform as number[];
    items.push({
      str: item.str,
      x: t[4]! - x0,
      y: height - (t[5]! - y0),
      width: item.width,
      height: item.height || Math.hypot(t[2]!, t[3]!),
      fontName: item.fontName,
    });
  }
  return { number, width, height, items };
}

/** Text of every page of the document. */
export async function documentText(doc: PdfDocument): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await pageText(doc, n));
  return pages;
}

/** Resolves a destination (a name or an explicit `[ref, …]` array) to a 1-based page number. */
export async function destinationPage(doc: PdfDocument, dest: unknown): Promise<number | undefined> {
  let explicit = dest;
  if (typeof dest === 'string') explicit = await doc.getDestination(dest);
  if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
  const target = explicit[0] as unknown;
  if (typeof target === 'number') return target + 1;
  if (target && typeof target === 'object' && 'num' in target) {
    return (await doc.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
  }
  return undefined;
}

/** The link annotations of page `number` (1-based). */
export async function pageLinks(doc: PdfDocument, number: number): Promise<LinkAnnotation[]> {
  const page = await doc.getPage(number);
  const [x0, y0, , y1] = page.view as [number, number, number, number];
  const height = y1 - y0;
  const links: LinkAnnotation[] = [];
  for (const annotation of (await page.getAnnotations()) as { subtype: string; rect: number[]; dest?: unknown }[]) {
    if (annotation.subtype !== 'Link') continue;
    const [ax0, ay0, ax1, ay1] = annotation.rect as [number, number, number, number];
    const left = Math.min(ax0, ax1) - x0;
    const top = height - (Math.max(ay0, ay1) - y0);
    links.push({ box: [left, top, Math.abs(ax1 - ax0), Math.abs(ay1 - ay0)], page: await destinationPage(doc, annotation.dest) });
  }
  return links;
}

export interface OutlineNode {
  readonly title: string;
  readonly page: number | undefined;
  readonly children: readonly OutlineNode[];
}

/** The document outline (bookmarks) with each entry's target page resolved. */
export async function outline(doc: PdfDocument): Promise<OutlineNode[]> {
  type Raw = { title: string; dest: unknown; items: Raw[] };
  const walk = async (list: readonly Raw[]): Promise<OutlineNode[]> =>
    Promise.all(list.map(async (n) => ({ title: n.title, page: await destinationPage(doc, n.dest), children: await walk(n.items ?? []) })));
  return walk(((await doc.getOutline()) ?? []) as Raw[]);
}

/**
 * A word as compared between source and PDF: letters and digits only, lower
 * case, with typographic variants folded (ligatures are decomposed by NFKC).
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Source text as comparable words, split at white space only (empty ones dropped). */
export function textWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map(normalizeWord)
    .filter((w) => w !== '');
}

// ---------------------------------------------------------------------------
// Comparing source words with the words a page shows
// ---------------------------------------------------------------------------

/** A word as drawn on a page, with the text item it came from. */
export interface WordToken {
  /** As drawn, punctuation included (a hyphen at a line end shows here). */
  readonly raw: string;
  /** Normalised for comparison (`normalizeWord`), never empty. */
  readonly word: string;
  /** Index of the text item (the first, for a word drawn in pieces). */
  readonly item: number;
  /** Every item the word was drawn with (a drop cap adds its own). */
  readonly items: readonly number[];
}

/** Something that draws text: a pdf.js text item, or a layout run turned into one. */
export interface PositionedText {
  readonly str: string;
  readonly x: number;
  /** Baseline from the top. */
  readonly y: number;
  readonly width: number;
  /** Font size. */
  readonly height: number;
}

const DROP_CAP = /^[“"‘']?\p{L}$/u;
const LIST_MARKER = /^(?:•|\d+[.)])$/;

/**
 * Splits drawn text into words in content order. Pieces of one word drawn
 * back to back (a change of font inside a word) are joined; a drop cap,
 * which is drawn after the first line of its paragraph, is put back at the
 * start of that line; list markers, drawn after their line, are left out.
 */
export function tokenize(items: readonly PositionedText[]): WordToken[] {
  const tokens: { raw: string; item: number; items: number[] }[] = [];
  let previous: PositionedText | undefined;
  let lineStart = -1;
  let lineX = 0;
  let lineSize = 0;
  items.forEach((item, index) => {
    const text = item.str.trim();
    if (text === '') {
      // An explicit space item: the next item starts a new word.
      if (previous) previous = { ...previous, str: `${previous.str} ` };
      return;
    }
    const newLine = !previous || Math.abs(previous.y - item.y) > 0.5;
    if (newLine && previous && DROP_CAP.test(text) && item.height >= 1.8 * lineSize && lineStart >= 0 && lineStart < tokens.length) {
      const first = tokens[lineStart]!;
      tokens[lineStart] = { raw: text + first.raw, item: first.item, items: [...first.items, index] };
      previous = undefined;
      return;
    }
    if (newLine && previous && LIST_MARKER.test(text) && item.x < lineX - 0.5) return;
    if (newLine) {
      lineStart = tokens.length;
      lineX = item.x;
      lineSize = item.height;
    }
    const glued =
      !newLine && previous !== undefined && !/\s$/.test(previous.str) && !/^\s/.test(item.str) && Math.abs(previous.x + previous.width - item.x) < 0.3;
    const parts = text.split(/\s+/);
    if (glued && tokens.length > 0) {
      const last = tokens[tokens.length - 1]!;
      tokens[tokens.length - 1] = { raw: last.raw + parts.shift()!, item: last.item, items: [...last.items, index] };
    }
    for (const raw of parts) tokens.push({ raw, item: index, items: [index] });
    previous = item;
  });
  return tokens.map((t) => ({ ...t, word: normalizeWord(t.raw) })).filter((t) => t.word !== '');
}

/** Whether a line may have been broken between tokens `a` and `b` inside one source word. */
function joinable(a: WordToken, b: WordToken | undefined): boolean {
  return b !== undefined && (/[-\u2010\u2011\u2013\u2014/]$/.test(a.raw) || /^\./.test(b.raw));
}

/**
 * How many tokens from `j` spell `word`: 1 for a whole word, more for a word
 * broken at line ends (`beau-` + `tiful`, `well-` + `known`, a URL at `/`);
 * 0 when they do not. `prefix` is the part of the word already shown
 * elsewhere (before a jump to another page).
 */
export function matchWordAt(word: string, tokens: readonly WordToken[], j: number, prefix = ''): number {
  const first = tokens[j];
  if (!first) return 0;
  let spelled = prefix + first.word;
  if (spelled === word) return 1;
  let k = j;
  while (spelled.length < word.length && word.startsWith(spelled) && joinable(tokens[k]!, tokens[k + 1])) {
    k++;
    spelled += tokens[k]!.word;
    if (spelled === word) return k - j + 1;
  }
  return 0;
}

/**
 * The start of `word` when token `j` shows it broken with a hyphen (the last
 * line before a jump to another page): the start, else ''.
 */
export function brokenWordAt(word: string, tokens: readonly WordToken[], j: number): string {
  const token = tokens[j];
  if (!token || !/[-\u2010\u2011\u2013\u2014]$/.test(token.raw)) return '';
  return word.startsWith(token.word) && token.word.length < word.length ? token.word : '';
}

export interface WordRun {
  /** Index of the next expected word not matched. */
  readonly next: number;
  /** Index of the token after the run. */
  readonly end: number;
  /** Tokens that spelled expected words or allowed interruptions. */
  readonly used: readonly number[];
}

function startsWithWords(tokens: readonly WordToken[], j: number, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return words.every((w, k) => tokens[j + k]?.word === w);
}

function runsOn(expected: readonly string[], i: number, tokens: readonly WordToken[], j: number, count: number): boolean {
  for (let n = 0; n < count && i < expected.length; n++) {
    const k = matchWordAt(expected[i]!, tokens, j);
    if (k === 0) return false;
    i++;
    j += k;
  }
  return true;
}

/**
 * Matches expected words from `i` against tokens from `j` for as long as
 * they agree. `interruptions` are word sequences the page may show between
 * two expected words (a pull quote): skipped when the expected words go on
 * right after them.
 */
export function matchRun(
  expected: readonly string[],
  i: number,
  tokens: readonly WordToken[],
  j: number,
  interruptions: readonly (readonly string[])[] = [],
  prefix = '',
): WordRun {
  const used: number[] = [];
  if (prefix !== '') {
    const n = matchWordAt(expected[i] ?? '', tokens, j, prefix);
    if (n === 0) return { next: i, end: j, used };
    for (let k = 0; k < n; k++) used.push(j + k);
    i++;
    j += n;
  }
  while (i < expected.length && j < tokens.length) {
    const skip = interruptions.find((words) => startsWithWords(tokens, j, words) && runsOn(expected, i, tokens, j + words.length, 8));
    if (skip) {
      for (let k = 0; k < skip.length; k++) used.push(j + k);
      j += skip.length;
      continue;
    }
    const n = matchWordAt(expected[i]!, tokens, j);
    if (n === 0) break;
    for (let k = 0; k < n; k++) used.push(j + k);
    i++;
    j += n;
  }
  return { next: i, end: j, used };
}

/**
 * Finds where on a page the expected words go on from word `i`: the start
 * token from which the longest run matches (the first such, on a tie).
 * `prefix`: the start of word `i` was shown before (a word broken at a jump).
 */
export function findRun(
  expected: readonly string[],
  i: number,
  tokens: readonly WordToken[],
  interruptions: readonly (readonly string[])[] = [],
  prefix = '',
): (WordRun & { readonly start: number }) | undefined {
  let best: (WordRun & { start: number }) | undefined;
  if (i >= expected.length) return undefined;
  for (let j = 0; j < tokens.length; j++) {
    if (matchWordAt(expected[i]!, tokens, j, prefix) === 0) continue;
    const run = matchRun(expected, i, tokens, j, interruptions, prefix);
    if (!best || run.next > best.next) best = { ...run, start: j };
  }
  return best;
}
