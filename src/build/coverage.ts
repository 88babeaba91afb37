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
    for (const char of text) {
      if (printable(char)) continue;
      const source = await readFile(article.file, 'utf8').catch(() => '');
      const at = source.indexOf(char);
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new SourceError(
        article.file,
        at >= 0 ? lineAt(source, at) : undefined,
        field,
        `the character "${char}" (${code}) is in none of the paper's fonts and would not print`,
        'replace it, or add a font that has it',
      );
    }
  }
}

const printables = new WeakMap<FontTable, (char: string) => boolean>();

/**
 * Whether a character prints in the paper's fonts, remembered per character:
 * an edition has a few hundred thousand characters but only about a hundred
 * distinct ones, and each check is a regular expression and two cmap look-ups.
 */
function printableIn(fonts: FontTable): (char: string) => boolean {
  let printable = printables.get(fonts);
  if (!printable) {
    const body = fonts.body;
    const fallback = fonts[FALLBACK_FONT.body!];
    const known = new Map<string, boolean>();
    printable = (char) => {
      let ok = known.get(char);
      if (ok === undefined) {
        ok = /\s/u.test(char) || char === '\u00AD' || (body.covers?.(char) ?? true) || (fallback.covers?.(char) ?? true);
        known.set(char, ok);
      }
      return ok;
    };
    printables.set(fonts, printable);
  }
  return printable;
}
