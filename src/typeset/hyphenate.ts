import { COSTS, type Costs } from './costs.js';

/**
 * A language's hyphenation patterns: the offsets in a word where the
 * patterns allow a break (before `word[offset]`), in ascending order. The
 * build's Liang hyphenator (`build/liang.ts`) gives them from the `hyphen`
 * package's patterns; the engine only applies our rules on top of them.
 */
export type PatternHyphenator = (word: string) => readonly number[];

/**
 * The break offsets of a word hyphenated with soft hyphens (U+00AD), as the
 * `hyphen` package's `hyphenateSync` returns it: `ta\u00ADble` gives `[2]`.
 */
export function softHyphenBreaks(hyphenated: string): number[] {
  const breaks: number[] = [];
  for (let i = 0; i < hyphenated.length; i++) if (hyphenated.charCodeAt(i) === 0xad) breaks.push(i - breaks.length);
  return breaks;
}

/** Where a word may break, and what shows when it does. */
export interface WordPiece {
  readonly text: string;
  /**
   * What follows the piece: `hyphen` (a hyphen is added if the line breaks
   * here), `explicit` (the piece already ends in a hyphen or dash), `url`
   * (break without a mark), or `end` (the last piece of the word).
   */
  readonly after: 'hyphen' | 'explicit' | 'url' | 'end';
}

export interface HyphenationRules {
  readonly leftMin: number;
  readonly rightMin: number;
  readonly minLength: number;
}

/** The hyphenation rules of a set of costs. */
export function hyphenationRules(costs: Costs): HyphenationRules {
  return { leftMin: costs.leftHyphenMin, rightMin: costs.rightHyphenMin, minLength: costs.minHyphenateLength };
}

export const DEFAULT_HYPHENATION: HyphenationRules = hyphenationRules(COSTS);

const SOFT_HYPHEN = '\u00AD';
const URL_OR_EMAIL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|@|\.(?:com|org|net|gov|edu|io)\b/i;
/** Leading and trailing punctuation that stays attached to the word but is not hyphenated. */
const EDGES = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su;
/** Lower-case letters with an optional possessive or contraction: the only words we hyphenate. */
const HYPHENATABLE = /^(\p{Ll}+)((?:['’]\p{Ll}+)?)$/u;
const EXPLICIT_BREAK = /(?<=[\p{L}\p{N}][-–—])(?=[\p{L}\p{N}])/u;

/**
 * Splits one word (text between spaces) into the pieces a line may break
 * between, in this order of authority:
 * 1. soft hyphens typed by the author: exactly those points, nothing else;
 * 2. URLs and e-mail addresses: after `/` and before `.`, no hyphen shown;
 * 3. explicit hyphens and dashes: after them, each part hyphenated in turn;
 * 4. the language patterns, only for lower-case words (no names, acronyms or
 *    numbers) of at least `minLength` letters, keeping `leftMin` and
 *    `rightMin` letters on either side.
 */
export function splitWord(
  word: string,
  patterns: PatternHyphenator | undefined,
  rules: HyphenationRules = DEFAULT_HYPHENATION,
): readonly WordPiece[] {
  const plain = plainWord(word);
  if (plain) return patternPieces(word, patterns, rules, plain);
  if (word.includes(SOFT_HYPHEN)) return softHyphenPieces(word);
  if (URL_OR_EMAIL.test(word)) return urlPieces(word);
  const parts = word.split(EXPLICIT_BREAK);
  const pieces: WordPiece[] = [];
  parts.forEach((part, i) => {
    const sub = patternPieces(part, patterns, rules);
    const last = i === parts.length - 1;
    sub.forEach((piece, j) =>
      pieces.push(j === sub.length - 1 && !last ? { text: piece.text, after: 'explicit' } : piece),
    );
  });
  return pieces;
}

function softHyphenPieces(word: string): readonly WordPiece[] {
  const parts = word.split(SOFT_HYPHEN).filter((p) => p.length > 0);
  return parts.map((text, i) => ({ text, after: i === parts.length - 1 ? 'end' : 'hyphen' }));
}

function urlPieces(word: string): readonly WordPiece[] {
  const parts = word.split(/(?<=\/)(?=[^/])|(?<=[^./])(?=\.[^.])/u);
  return parts.map((text, i) => ({ text, after: i === parts.length - 1 ? 'end' : 'url' }));
}

/**
 * A word split at the edges of its letters (leading and trailing
 * punctuation), and its letters into the stem the patterns hyphenate and a
 * possessive or contraction; the stem is empty when the word is not to be
 * hyphenated (capitals, digits inside, other marks).
 */
export interface WordParts {
  readonly lead: string;
  readonly stem: string;
  readonly suffix: string;
  readonly trail: string;
}

const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * The parts of a word that is plain ASCII (an apostrophe ’ aside) with no
 * hyphen, dash, URL or soft hyphen: most words of English text. Gives what
 * `EDGES` and `HYPHENATABLE` give, without running Unicode regular
 * expressions on every distinct word; `null` sends the word the general way.
 * A word without a stem to hyphenate gets an empty stem.
 */
export function plainWord(word: string): WordParts | null {
  let first = -1;
  let last = -1;
  let dot = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isAsciiLetter(code)) {
      if (first < 0) first = i;
      last = i;
    } else if ((code > 127 && code !== 0x2019) || code === 45 || code === 47 || code === 64) {
      // Other scripts, hyphens, and the characters of URLs and e-mail addresses (/ @): the general way.
      return null;
    } else if (code === 46 && dot < 0) {
      dot = i;
    }
  }
  // A full stop ends a sentence after the last letter; before it, it may belong to a URL or an abbreviation.
  if (dot >= 0 && dot < last) return null;
  if (first < 0) return { lead: word, stem: '', suffix: '', trail: '' };
  const lead = word.slice(0, first);
  const core = word.slice(first, last + 1);
  const trail = word.slice(last + 1);
  // The letters: lower case, with at most one apostrophe followed by lower case.
  let apostrophe = -1;
  for (let i = 0; i < core.length; i++) {
    const code = core.charCodeAt(i);
    if (code >= 97 && code <= 122) continue;
    if ((code === 39 || code === 0x2019) && apostrophe < 0 && i > 0) {
      apostrophe = i;
      continue;
    }
    return { lead, stem: '', suffix: '', trail: '' };
  }
  return apostrophe < 0
    ? { lead, stem: core, suffix: '', trail }
    : { lead, stem: core.slice(0, apostrophe), suffix: core.slice(apostrophe), trail };
}

/** The same parts for any word, by the Unicode expressions `EDGES` and `HYPHENATABLE`. */
export function wordParts(word: string): WordParts {
  const [, lead = '', core = '', trail = ''] = EDGES.exec(word) ?? [];
  const letters = HYPHENATABLE.exec(core);
  if (!letters) return { lead, stem: '', suffix: '', trail: '' };
  const [, stem = '', suffix = ''] = letters;
  return { lead, stem, suffix, trail };
}

function patternPieces(
  word: string,
  patterns: PatternHyphenator | undefined,
  rules: HyphenationRules,
  parts?: WordParts,
): readonly WordPiece[] {
  const whole: readonly WordPiece[] = [{ text: word, after: 'end' }];
  if (!patterns) return whole;
  const { lead, stem, suffix, trail } = parts ?? wordParts(word);
  if (stem.length === 0 || stem.length < rules.minLength) return whole;
  // Only the breaks that leave both edges their minimum number of letters.
  const breaks = patterns(stem);
  const cuts: number[] = [];
  for (let i = 0; i < breaks.length; i++) {
    const at = breaks[i]!;
    if (at >= rules.leftMin && stem.length - at >= rules.rightMin) cuts.push(at);
  }
  if (cuts.length === 0) return whole;
  const pieces: WordPiece[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i]!;
    pieces.push({ text: (from === 0 ? lead : '') + stem.slice(from, cut), after: 'hyphen' });
    from = cut;
  }
  pieces.push({ text: stem.slice(from) + suffix + trail, after: 'end' });
  return pieces;
}

/**
 * Caches `splitWord` per word: an edition repeats its words thousands of
 * times, and pattern matching is the second most expensive step after
 * shaping.
 */
export function cachedWordSplitter(
  patterns: PatternHyphenator | undefined,
  rules: HyphenationRules = DEFAULT_HYPHENATION,
): (word: string) => readonly WordPiece[] {
  const cache = new Map<string, readonly WordPiece[]>();
  return (word) => {
    let pieces = cache.get(word);
    if (!pieces) {
      pieces = splitWord(word, patterns, rules);
      cache.set(word, pieces);
    }
    return pieces;
  };
}
