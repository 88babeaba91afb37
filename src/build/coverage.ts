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
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++; // the second half of a surrogate pair
      if (printable(code)) continue;
      const char = String.fromCodePoint(code);
      const source = await readFile(article.path, 'utf8').catch(() => '');
      const at = source.indexOf(char);
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new SourceError(
        article.file,
        at >= 0 ? lineAt(source, at) : undefined,
        field,
        `the character "${char}" (${name}) is in none of the paper's fonts and would not print`,
        'replace it, or add a font that has it',
      );
    }
  }
}

const printables = new WeakMap<FontTable, (code: number) => boolean>();

/**
 * Whether a code point prints in the paper's fonts, remembered per code
 * point: an edition has a few hundred thousand characters but only about a
 * hundred distinct ones, and each check is a regular expression and two
 * cmap look-ups. A byte per code point of the Basic Multilingual Plane
 * (0 not known yet, 1 prints, 2 does not), a map beyond it.
 */
function printableIn(fonts: FontTable): (code: number) => boolean {
  let printable = printables.get(fonts);
  if (!printable) {
    const body = fonts.body;
    const fallback = fonts[FALLBACK_FONT.body!];
    const check = (char: string) => /\s/u.test(char) || char === '\u00AD' || (body.covers?.(char) ?? true) || (fallback.covers?.(char) ?? true);
    const basic = new Uint8Array(0x10000);
    const astral = new Map<number, boolean>();
    printable = (code) => {
      if (code <= 0xffff) {
        if (basic[code] === 0) basic[code] = check(String.fromCharCode(code)) ? 1 : 2;
        return basic[code] === 1;
      }
      let ok = astral.get(code);
      if (ok === undefined) astral.set(code, (ok = check(String.fromCodePoint(code))));
      return ok;
    };
    printables.set(fonts, printable);
  }
  return printable;
}
