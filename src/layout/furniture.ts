import type { Box } from '../manifest/types.js';
import type { FontKey } from '../typeset/metrics.js';
import type { TypesetContext } from '../typeset/paragraph.js';
import { plainLine, textElement, textWidth } from './lines.js';
import type { EditionInput, Element, ImageInfo, Ink } from './types.js';

/** Page furniture: nameplate, running heads, the Inside index, house adverts. */

function text(
  content: string,
  font: FontKey,
  size: number,
  x: number,
  baseline: number,
  align: 'left' | 'center' | 'right',
  context: TypesetContext,
  ink: Ink = 'ink',
): Element {
  const width = textWidth(content, font, size, context);
  const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  return textElement(plainLine(content, font, size, context), left, baseline, ink, undefined);
}

const rule = (x1: number, y: number, x2: number, weight: number, ink: Ink = 'ink'): Element => ({ kind: 'rule', x1, y1: y, x2, y2: y, weight, ink });

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Volume numbers are printed in Roman numerals, as newspapers do. */
export function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** The front page's nameplate and folio line. Returns its elements and the height it takes. */
export function nameplate(edition: EditionInput, context: TypesetContext): { elements: Element[]; height: number } {
  const { page, publication } = edition;
  const left = page.margins.left;
  const right = page.width - page.margins.right;
  const centre = (left + right) / 2;
  let y = page.margins.top;
  const elements: Element[] = [];
  elements.push(text(`VOL. ${roman(edition.volume)} · NO. ${edition.issue}`, 'sans-bold', 7, left, y + 8, 'left', context));
  elements.push(text(publication.motto, 'body-italic', 8.5, centre, y + 8, 'center', context, 'muted'));
  if (edition.label) elements.push(text(edition.label.toUpperCase(), 'sans-bold', 7, right, y + 8, 'right', context, 'accent'));
  y += 14;
  const nameSize = 62;
  elements.push(text(publication.name, 'masthead', nameSize, centre, y + nameSize * 0.78, 'center', context));
  y += nameSize * 0.98;
  elements.push(rule(left, y, right, 1.6));
  elements.push(rule(left, y + 3, right, 0.5));
  y += 3;
  const folio = y + 11;
  elements.push(text(publication.city.toUpperCase(), 'sans-bold', 7.5, left, folio, 'left', context));
  elements.push(text(edition.dateLine.toUpperCase(), 'sans-bold', 7.5, centre, folio, 'center', context));
  elements.push(text(publication.price, 'sans-bold', 7.5, right, folio, 'right', context));
  y += 16;
  elements.push(rule(left, y, right, 0.5));
  elements.push(rule(left, y + 3, right, 1.6));
  y += 12;
  return { elements, height: y - page.margins.top };
}

/** The running head of an inside page: folio, paper, section. */
export function runningHead(
  edition: EditionInput,
  pageLabel: string,
  sectionTitle: string,
  context: TypesetContext,
): { elements: Element[]; height: number } {
  const { page } = edition;
  const left = page.margins.left;
  const right = page.width - page.margins.right;
  const y = page.margins.top;
  const baseline = y + 16;
  const elements: Element[] = [
    text(pageLabel, 'sans-bold', 14, left, baseline, 'left', context),
    text(edition.dateLine, 'sans', 7.5, left + textWidth(pageLabel, 'sans-bold', 14, context) + 8, baseline - 1, 'left', context, 'muted'),
    text(edition.publication.name, 'masthead', 17, (left + right) / 2, baseline, 'center', context),
    text(sectionTitle.toUpperCase(), 'sans-bold', 12, right, baseline, 'right', context, 'accent'),
    rule(left, y + 24, right, 2),
  ];
  return { elements, height: 34 };
}

/** Height of the "Inside" box for `count` sections. */
export function insideBoxHeight(count: number): number {
  return 30 + count * 13 + 10;
}

/** The front page's "Inside" index: sections and the pages they start on. */
export function insideBox(
  x: number,
  y: number,
  width: number,
  entries: readonly { readonly title: string; readonly page: number }[],
  context: TypesetContext,
): Element[] {
  const height = insideBoxHeight(entries.length) - 10;
  const elements: Element[] = [
    { kind: 'rect', box: [x, y, width, height], fill: 'paper', stroke: 'ink', weight: 0.75 },
    text('INSIDE', 'sans-bold', 9, x + 8, y + 16, 'left', context, 'accent'),
    rule(x + 8, y + 21, x + width - 8, 0.5),
  ];
  entries.forEach((entry, i) => {
    const baseline = y + 34 + i * 13;
    elements.push(text(entry.title, 'body', 9.5, x + 8, baseline, 'left', context));
    elements.push(text(String(entry.page), 'sans-bold', 9.5, x + width - 8, baseline, 'right', context));
    elements.push({ kind: 'link', box: [x + 4, baseline - 10, width - 8, 13], page: entry.page });
  });
  return elements;
}

/**
 * Fills a gap at the foot of a stack with house adverts, scaled to the
 * stack's width and stacked from the tallest that fits; what is left over
 * is shared out as space between them. Gaps shorter than the smallest
 * advert at this width stay empty (the layout's tolerance).
 */
export function advertFill(
  box: Box,
  adverts: readonly ImageInfo[],
  start: number,
  /** Adverts already on the page: a page does not show one twice. */
  onPage: ReadonlySet<string> = new Set(),
): { elements: Element[]; used: number; next: number } {
  const [x, y, width, height] = box;
  const elements: Element[] = [];
  if (adverts.length === 0) return { elements, used: 0, next: start };
  const picked: { ad: ImageInfo; h: number }[] = [];
  let left = height;
  let next = start;
  for (let guard = 0; guard < 6; guard++) {
    // Rotate through the adverts so a page does not repeat one, tallest fitting first.
    const order = adverts
      .map((_, i) => adverts[(next + i) % adverts.length]!)
      .filter((ad) => !onPage.has(ad.key) && !picked.some((p) => p.ad === ad));
    const fits = order
      .map((ad) => ({ ad, h: width * (ad.height / ad.width) }))
      .filter((c) => c.h + (picked.length > 0 ? 8 : 0) <= left)
      .sort((a, b) => b.h - a.h);
    const choice = fits[0];
    if (!choice) break;
    picked.push(choice);
    left -= choice.h + (picked.length > 1 ? 8 : 0);
    next = (adverts.indexOf(choice.ad) + 1) % adverts.length;
  }
  if (picked.length === 0) return { elements, used: 0, next };
  const spacing = picked.length > 1 ? 8 + left / (picked.length - 1) : 0;
  let top = picked.length > 1 ? y : y + left; // a single advert sits at the foot
  for (const { ad, h } of picked) {
    const b: Box = [x, top, width, h];
    elements.push({ kind: 'image', image: ad.key, box: b, clip: b });
    top += h + spacing;
  }
  return { elements, used: height, next };
}
