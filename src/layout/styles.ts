import type { ParagraphStyle } from '../typeset/galley.js';

const base: ParagraphStyle = {
  font: 'body',
  size: 9,
  leading: 10.5,
  align: 'justify',
  firstIndent: 9,
  leftIndent: 0,
  rightIndent: 0,
  hyphenate: true,
  spaceBefore: 0,
  spaceAfter: 0,
  keepWithNext: false,
  dropCapLines: 0,
};

/**
 * The paper's paragraph styles. Body text is 9 pt on 10.5 pt leading, the
 * common broadsheet setting; sizes of headlines depend on how many columns
 * they span and are computed in `headlineStyle`.
 */
export const STYLES = {
  body: base,
  lead: { ...base, dropCapLines: 3 },
  subhead: { ...base, font: 'body-bold', size: 9.5, leading: 11, align: 'left', hyphenate: false, spaceBefore: 6, spaceAfter: 1, keepWithNext: true, firstIndent: 0 },
  quote: { ...base, font: 'body-italic', leftIndent: 9, rightIndent: 4, firstIndent: 0, spaceBefore: 3, spaceAfter: 3 },
  listItem: { ...base, leftIndent: 10, firstIndent: 0, spaceBefore: 1 },
  pullquote: { ...base, font: 'display-italic', size: 14, leading: 16.5, align: 'left', hyphenate: false, firstIndent: 0, spaceBefore: 10, spaceAfter: 10 },
  kicker: { ...base, font: 'sans-bold', size: 7.5, leading: 10, align: 'left', hyphenate: false, firstIndent: 0, keepWithNext: true },
  deck: { ...base, font: 'display-italic', size: 12, leading: 14, align: 'left', hyphenate: false, firstIndent: 0, spaceAfter: 4, keepWithNext: true },
  byline: { ...base, font: 'sans-bold', size: 7, leading: 10, align: 'left', hyphenate: false, firstIndent: 0, spaceAfter: 4, keepWithNext: true },
  bio: { ...base, font: 'body-italic', size: 8, leading: 9.5, align: 'left', hyphenate: false, firstIndent: 0, spaceBefore: 5 },
  caption: { ...base, font: 'body-italic', size: 7.5, leading: 9, align: 'left', hyphenate: false, firstIndent: 0 },
  credit: { ...base, font: 'sans', size: 6, leading: 8, align: 'right', hyphenate: false, firstIndent: 0 },
  jump: { ...base, font: 'body-italic', size: 7.5, leading: 10, align: 'right', hyphenate: false, firstIndent: 0 },
  jumpFrom: { ...base, font: 'body-italic', size: 7.5, leading: 10, align: 'left', hyphenate: false, firstIndent: 0, spaceAfter: 2, keepWithNext: true },
  brief: { ...base, font: 'body-bold', size: 11, leading: 12.5, align: 'left', hyphenate: false, firstIndent: 0, spaceAfter: 2, keepWithNext: true },
} as const satisfies Record<string, ParagraphStyle>;

/** Headline size by the number of columns it spans and the story's weight. */
export function headlineStyle(columns: number, lead: boolean): ParagraphStyle {
  const size = lead ? 34 : columns >= 3 ? 26 : columns === 2 ? 20 : 15;
  return {
    ...base,
    font: 'display',
    size,
    leading: size * 1.08,
    align: 'left',
    hyphenate: false,
    firstIndent: 0,
    spaceAfter: 3,
    keepWithNext: true,
  };
}
