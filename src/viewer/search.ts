/**
 * Search over an edition's articles, from the manifest alone (no PDF text).
 *
 * Words match from their start, ignoring case and accents ("cafe" finds
 * "Café", "ferr" finds "ferry"); an article is a hit when it contains every
 * word of the query. Hits are ranked by where the words occur (a headline
 * counts more than the body) and come with a snippet to show.
 *
 * The same search runs over several editions at once (`buildLibraryIndex`,
 * `searchLibrary`): the editions saved on this device, from their saved
 * manifests, with no network.
 */
import type { Article, Block, EditionManifest, IsoDate } from '../manifest/types.js';

/** How much an occurrence counts, by field. */
const FIELD_WEIGHT = { headline: 10, kicker: 4, deck: 5, byline: 3, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHT;

/** Occurrences beyond this many per field and word add nothing: long stories should not win by length. */
const MAX_COUNTED = 3;

/** Characters of context either side of the first match in a snippet. */
const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 90;

/** Text with its case- and accent-folded form, and where each folded character came from. */
interface Folded {
  readonly text: string;
  readonly folded: string;
  /** `origin[i]` is the index in `text` of folded character `i`; one extra entry for the end. */
  readonly origin: readonly number[];
}

interface Entry {
  readonly article: Article;
  readonly page: number;
  readonly fields: readonly (readonly [Field, Folded])[];
}

export interface SearchIndex {
  readonly entries: readonly Entry[];
}

/** A piece of snippet text; `match` marks the words searched for. */
export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

export interface Hit {
  readonly id: string;
  readonly headline: string;
  /** The page where the article starts. */
  readonly page: number;
  readonly score: number;
  /** Context around the first match, in reading order; empty when only the headline matched. */
  readonly snippet: readonly Segment[];
  /** Whether the snippet starts or ends inside the text. */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/** A hit in one of several editions. */
export interface EditionHit extends Hit {
  readonly date: IsoDate;
}

/** Several editions prepared for searching together. */
export interface LibraryIndex {
  readonly editions: readonly { readonly date: IsoDate; readonly index: SearchIndex }[];
}

/** Lower case, without accents: the form queries and text are compared in. */
export function fold(text: string): Folded {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  origin.push(text.length);
  return { text, folded, origin };
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return block.runs.map((r) => r.text).join('');
    case 'subhead':
      return block.text;
    case 'list':
      return block.items.map((item) => item.map((r) => r.text).join('')).join(' ');
    default:
      return '';
  }
}

/** The text of an article's body, blocks separated by a space. */
export function bodyText(article: Article): string {
  const parts = article.body.map(blockText);
  if (article.image) parts.push(article.image.caption);
  return parts.filter(Boolean).join(' ');
}

/** Prepares the articles of `manifest` for searching. */
export function buildIndex(manifest: Pick<EditionManifest, 'articles'>): SearchIndex {
  return {
    entries: manifest.articles.map((article) => {
      const fields: [Field, Folded][] = [['headline', fold(article.headline)]];
      if (article.kicker) fields.push(['kicker', fold(article.kicker)]);
      if (article.deck) fields.push(['deck', fold(article.deck)]);
      if (article.byline) fields.push(['byline', fold(article.byline)]);
      fields.push(['body', fold(bodyText(article))]);
      return { article, page: article.placements[0]?.page ?? 1, fields };
    }),
  };
}

/** The query's words, folded; punctuation separates words. */
export function queryTerms(query: string): string[] {
  return [...new Set(fold(query).folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Start indices in `folded` where `term` begins a word. */
function occurrences(folded: string, term: string): number[] {
  const found: number[] = [];
  for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(folded[at - 1]!)) found.push(at);
  }
  return found;
}

/** Articles containing every word of `query`, best first. */
export function search(index: SearchIndex, query: string, limit = 50): Hit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: Hit[] = [];
  for (const entry of index.entries) {
    let score = 0;
    let everyTerm = true;
    for (const term of terms) {
      let termScore = 0;
      for (const [field, text] of entry.fields) {
        termScore += FIELD_WEIGHT[field] * Math.min(MAX_COUNTED, occurrences(text.folded, term).length);
      }
      if (termScore === 0) {
        everyTerm = false;
        break;
      }
      score += termScore;
    }
    if (!everyTerm) continue;
    hits.push({ id: entry.article.id, headline: entry.article.headline, page: entry.page, score, ...snippet(entry, terms) });
  }
  hits.sort(byRank);
  return hits.slice(0, limit);
}

/** Best score first; then the earlier page, then the headline. */
function byRank(a: Hit, b: Hit): number {
  return b.score - a.score || a.page - b.page || a.headline.localeCompare(b.headline);
}

/** Prepares the articles of several editions (saved manifests) for searching together. */
export function buildLibraryIndex(editions: readonly Pick<EditionManifest, 'date' | 'articles'>[]): LibraryIndex {
  return { editions: editions.map((manifest) => ({ date: manifest.date, index: buildIndex(manifest) })) };
}

/** Articles of every edition in `library` containing every word of `query`: best first, the newer edition first among equals. */
export function searchLibrary(library: LibraryIndex, query: string, limit = 50): EditionHit[] {
  const hits = library.editions.flatMap(({ date, index }) => search(index, query, limit).map((hit): EditionHit => ({ ...hit, date })));
  hits.sort((a, b) => b.score - a.score || (a.date === b.date ? byRank(a, b) : a.date < b.date ? 1 : -1));
  return hits.slice(0, limit);
}

function snippet(entry: Entry, terms: readonly string[]): Pick<Hit, 'snippet' | 'clippedStart' | 'clippedEnd'> {
  const empty = { snippet: [], clippedStart: false, clippedEnd: false };
  const text = entry.fields.find(([field]) => field === 'body')?.[1] ?? entry.fields.find(([field]) => field === 'deck')?.[1];
  if (!text) return empty;
  const matches = terms
    .flatMap((term) => occurrences(text.folded, term).map((at) => [at, at + term.length] as const))
    .sort((a, b) => a[0] - b[0]);
  const first = matches[0];
  if (!first) return empty;
  // Work in the original text from here; widen the window to whole words.
  const firstStart = text.origin[first[0]]!;
  let start = Math.max(0, firstStart - SNIPPET_BEFORE);
  let end = Math.min(text.text.length, firstStart + SNIPPET_AFTER);
  if (start > 0) start = text.text.indexOf(' ', start) + 1 || start;
  if (start > firstStart) start = firstStart;
  if (end < text.text.length) end = Math.max(text.text.lastIndexOf(' ', end), firstStart + 1);
  const segments: Segment[] = [];
  let cursor = start;
  for (const [from, to] of matches) {
    const a = text.origin[from]!;
    const b = text.origin[to]!;
    if (a < cursor || b > end) continue;
    if (a > cursor) segments.push({ text: text.text.slice(cursor, a), match: false });
    segments.push({ text: text.text.slice(a, b), match: true });
    cursor = b;
  }
  if (cursor < end) segments.push({ text: text.text.slice(cursor, end), match: false });
  return { snippet: segments, clippedStart: start > 0, clippedEnd: end < text.text.length };
}
