import { readFile } from 'node:fs/promises';
import { FALLBACK_FONT, type FontTable } from '../typeset/metrics.js';
import { SourceError, lineAt } from './errors.js';
import { blocksText } from './markdown.js';
import type { ArticleSource } from './source.js';

/**
 * Refuses characters that no face of the paper can print: the PDF would show
 * a blank or a box, and the reader would lose a letter. Every text face has
 * the same coverage as the body face and its fallback, so that pair decides.
 */
export async function checkCoverage(article: ArticleSource, fonts: FontTable): Promise<void> {
  const printable = printableIn(fonts);
  const fields: [string, string | undefined][] = [
    ['headline', article.headline],
    ['kicker', article.kicker],
    ['deck', article.deck],
    ['byline', article.byline],
    ['bio', article.bio],
    ['pullquote', article.pullquote],
    ['image.caption', article.image?.caption],
    ['image.credit', article.image?.credit],
    ['body', blocksText(article.body)],
  ];
  for (const [field, text] of fields) {
    if (text === undefined) continue;
    for (let at = printable.firstUnknown(text, 0); at >= 0; ) {
      const code = text.codePointAt(at)!;
      if (printable.check(code)) {
        at = printable.firstUnknown(text, at + (code > 0xffff ? 2 : 1));
        continue;
      }
      const char = String.fromCodePoint(code);
      const source = await readFile(article.path, 'utf8').catch(() => '');
      const offset = source.indexOf(char);
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new SourceError(
        article.file,
        offset >= 0 ? lineAt(source, offset) : undefined,
        field,
        `the character "${char}" (${name}) is in none of the paper's fonts and would not print`,
        'replace it, or add a font that has it',
      );
    }
  }
}

/** What is known of a font table's coverage, per character met so far. */
interface Printable {
  /** Where the first character of `text` from `from` on that is not checked yet stands, or -1. */
  firstUnknown(text: string, from: number): number;
  /** Checks a character and remembers it: whether it prints. */
  check(code: number): boolean;
}

const printables = new WeakMap<FontTable, Printable>();

/** Tab, line breaks, ASCII, Latin-1, Latin Extended-A, and the dashes, quotes and ellipsis of General Punctuation. */
const COMMON_CHARACTERS: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2027],
];

/**
 * Whether characters print in the paper's fonts, each checked once: an
 * edition has a few hundred thousand characters but only about a hundred
 * distinct ones, and each check is a regular expression and two cmap
 * look-ups. The characters checked so far make a regular expression that
 * finds the first one not checked yet: V8 scans text for it in native code,
 * where a loop in JavaScript over every character ran mostly unoptimised in
 * a cold build (about 2 % of it).
 */
function printableIn(fonts: FontTable): Printable {
  let printable = printables.get(fonts);
  if (!printable) {
    const body = fonts.body;
    const fallback = fonts[FALLBACK_FONT.body!];
    const prints = (char: string) => /\s/u.test(char) || char === '\u00AD' || (body.covers?.(char) ?? true) || (fallback.covers?.(char) ?? true);
    const known = new Map<number, boolean>();
    let unknown: RegExp | undefined;
    printable = {
      firstUnknown(text, from) {
        if (!unknown) {
          // Only what prints: a character that does not is reported again wherever it is met.
          let printing = '';
          for (const [code, ok] of known) if (ok) printing += `\\u{${code.toString(16)}}`; // escaped, so any code point is safe in the class
          unknown = new RegExp(`[^${printing}]`, 'gu');
        }
        unknown.lastIndex = from;
        return unknown.exec(text)?.index ?? -1;
      },
      check(code) {
        let ok = known.get(code);
        if (ok === undefined) {
          known.set(code, (ok = prints(String.fromCodePoint(code))));
          unknown = undefined;
        }
        return ok;
      },
    };
    // The characters of most text, checked at once: the expression is then
    // made once or twice a build rather than at every new character.
    for (const [from, to] of COMMON_CHARACTERS) for (let code = from; code <= to; code++) printable.check(code);
    printables.set(fonts, printable);
  }
  return printable;
}
