import type { FontKey } from '../typeset/metrics.js';
import type { TypesetContext } from '../typeset/paragraph.js';
import type { SetLine } from '../typeset/position.js';
import type { GalleyLine } from '../typeset/galley.js';
import { sliceHeight } from '../typeset/columns.js';
import type { Element, Ink } from './types.js';

/** A single unjustified line of text, for folios, labels and markers. */
export function plainLine(text: string, font: FontKey, size: number, context: TypesetContext, x = 0): SetLine {
  const metrics = context.fonts[font];
  const width = metrics.width(text) * size;
  return {
    runs: [{ text, font, x, width }],
    size,
    letterSpacing: 0,
    measure: width,
    ratio: 0,
    justified: false,
    hyphenated: false,
    gaps: [],
    normalSpace: metrics.space * size,
    hang: [0, 0],
    overfull: 0,
    splitWord: false,
  };
}

/**
 * A text element. Every one is made here, with every field (`article`
 * undefined where the text is the page's own): text elements of one shape
 * keep the PDF writer's optimised code, which a shape first met mid-build
 * (a running head's, say) threw away.
 */
export function textElement(line: SetLine, x: number, baseline: number, ink: Ink, article: string | undefined): Extract<Element, { kind: 'text' }> {
  return { kind: 'text', line, x, baseline, ink, article };
}

/** Width of `text` in `font` at `size`. */
export function textWidth(text: string, font: FontKey, size: number, context: TypesetContext): number {
  return context.fonts[font].width(text) * size;
}

/**
 * Draws galley lines `start..end` as a column whose top-left is (x, y), and
 * returns the text elements (markers and drop caps included).
 */
export function drawSlice(
  galley: readonly GalleyLine[],
  start: number,
  end: number,
  x: number,
  y: number,
  ink: Ink,
  article: string | undefined,
  context: TypesetContext,
): Element[] {
  const elements: Element[] = [];
  let top = y;
  for (let i = start; i < end; i++) {
    const gl = galley[i]!;
    if (i > start) top += gl.spaceBefore;
    const baseline = top + gl.baseline;
    elements.push(textElement(gl.line, x + gl.x, baseline, ink, article));
    if (gl.marker) {
      elements.push(textElement(plainLine(gl.marker.text, gl.marker.font, gl.line.size, context), x + gl.x + gl.marker.x, baseline, ink, article));
    }
    if (gl.dropCap) {
      const cap = gl.dropCap;
      elements.push(textElement(plainLine(cap.text, cap.font, cap.size, context), x + gl.x, baseline + (cap.lines - 1) * gl.height, ink, article));
    }
    top += gl.height;
  }
  return elements;
}

export { sliceHeight };
