import type { Element, Ink } from '../layout/types.js';
import type { FontKey } from '../typeset/metrics.js';
import { round, type GlyphEncoder } from './glyph-encoder.js';

/** RGB of each ink, 0–1. */
export const INK_RGB: Readonly<Record<Ink, readonly [number, number, number]>> = {
  ink: [0.07, 0.07, 0.08],
  accent: [0.643, 0.149, 0.173],
  muted: [0.3, 0.3, 0.32],
  paper: [1, 1, 1],
  rule: [0.55, 0.55, 0.57],
};

export interface ContentResources {
  /** Resource name and encoder of a font, registering it on first use. */
  font(key: FontKey): { readonly name: string; readonly encoder: GlyphEncoder };
  /** Resource name of an image XObject, registering it on first use. */
  image(key: string): string;
}

/** Each ink's colour operands, written once rather than for every line. */
const RGB: Readonly<Record<Ink, string>> = Object.fromEntries(
  Object.entries(INK_RGB).map(([ink, components]) => [ink, components.map((c) => round(c)).join(' ')]),
) as Record<Ink, string>;
const rgb = (ink: Ink) => RGB[ink];

/**
 * Writes a page's elements as a PDF content stream (ISO 32000-1 §8–9).
 * Text is placed run by run with `Tm`, letter-spaced with `Tc`, and kerned
 * inside `TJ` arrays: the layout decided every position, this only writes.
 *
 * One small function per kind of element: V8 optimises each on its own, and
 * the text lines' writer, the only hot one, compiles in a fraction of the
 * time the whole switch took (about 100 ms of the optimising compiler's
 * thread, which a cold build keeps busy).
 */
export function contentStream(elements: readonly Element[], pageHeight: number, resources: ContentResources): string {
  const out: string[] = [];
  for (let e = 0; e < elements.length; e++) {
    const element = elements[e]!;
    switch (element.kind) {
      case 'text':
        if (element.line.runs.length > 0) out.push(textLine(element, pageHeight, resources));
        break;
      case 'rule':
        out.push(ruleLine(element, pageHeight));
        break;
      case 'rect': {
        const drawn = rectangle(element, pageHeight);
        if (drawn) out.push(drawn);
        break;
      }
      case 'image':
        out.push(imageDraw(element, pageHeight, resources));
        break;
      case 'link':
        break;
    }
  }
  return out.join('\n');
}

type ElementOf<K extends Element['kind']> = Extract<Element, { readonly kind: K }>;

/**
 * One text object per line, positioned once: the gaps between runs become
 * TJ displacements (thousandths of the font size, subtracted from the pen
 * position), which keeps content streams small.
 */
function textLine(element: ElementOf<'text'>, pageHeight: number, resources: ContentResources): string {
  const { line } = element;
  const runs = line.runs;
  const first = runs[0]!;
  let out = `BT ${rgb(element.ink)} rg ${round(line.letterSpacing, 4)} Tc 1 0 0 1 ${round(element.x + first.x, 2)} ${round(pageHeight - element.baseline, 2)} Tm`;
  let current = '';
  let currentKey: FontKey | undefined;
  let font: ReturnType<ContentResources['font']> | undefined;
  let pen = first.x;
  let pending = '';
  // The array so far is written where the font changes and at the line's
  // end, by one statement: a font change inside a line is rare, and a
  // statement of its own, first met after optimisation, would throw the
  // optimised code away. The font is looked up only where the run's font
  // slot changes, not for every word.
  for (let r = 0; r <= runs.length; r++) {
    const run = r < runs.length ? runs[r]! : undefined;
    if (!run || run.font !== currentKey) {
      font = run ? resources.font(run.font) : undefined;
      currentKey = run?.font;
      if (!font || font.name !== current) {
        if (pending !== '') out += `\n[${pending}] TJ${font ? '' : ' ET'}`;
        if (!font) break;
        pending = '';
        out += `\n/${font.name} ${round(line.size)} Tf`;
        current = font.name;
      }
    }
    const shift = run!.x - pen;
    // 0.1 thousandth of 9 pt is 0.001 pt: finer than any device.
    if (Math.abs(shift) > 0.0005) pending += `${round((-shift * 1000) / line.size, 1)}`;
    pending += font!.encoder.operands(run!.text);
    pen = run!.x + run!.width;
  }
  return out;
}

function ruleLine(element: ElementOf<'rule'>, pageHeight: number): string {
  return `${rgb(element.ink)} RG ${round(element.weight)} w ${round(element.x1)} ${round(pageHeight - element.y1)} m ${round(element.x2)} ${round(pageHeight - element.y2)} l S`;
}

/** A filled or stroked rectangle; nothing for one with neither. */
function rectangle(element: ElementOf<'rect'>, pageHeight: number): string | undefined {
  const [x, top, w, h] = element.box;
  const path = `${round(x)} ${round(pageHeight - (top + h))} ${round(w)} ${round(h)} re`;
  if (element.fill && element.stroke) return `${rgb(element.fill)} rg ${rgb(element.stroke)} RG ${round(element.weight ?? 1)} w ${path} B`;
  if (element.fill) return `${rgb(element.fill)} rg ${path} f`;
  if (element.stroke) return `${rgb(element.stroke)} RG ${round(element.weight ?? 1)} w ${path} S`;
  return undefined;
}

function imageDraw(element: ElementOf<'image'>, pageHeight: number, resources: ContentResources): string {
  const name = resources.image(element.image);
  const [cx, ct, cw, ch] = element.clip;
  const [x, top, w, h] = element.box;
  return `q ${round(cx)} ${round(pageHeight - (ct + ch))} ${round(cw)} ${round(ch)} re W n ${round(w)} 0 0 ${round(h)} ${round(x)} ${round(pageHeight - (top + h))} cm /${name} Do Q`;
}
