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
 */
export function contentStream(elements: readonly Element[], pageHeight: number, resources: ContentResources): string {
  const out: string[] = [];
  const y = (top: number) => round(pageHeight - top);
  for (const element of elements) {
    switch (element.kind) {
      case 'text': {
        const { line } = element;
        const first = line.runs[0];
        if (!first) break;
        // One text object per line, positioned once: the gaps between runs
        // become TJ displacements (thousandths of the font size, subtracted
        // from the pen position), which keeps content streams small.
        out.push(`BT ${rgb(element.ink)} rg ${round(line.letterSpacing, 4)} Tc 1 0 0 1 ${round(element.x + first.x, 2)} ${round(pageHeight - element.baseline, 2)} Tm`);
        let current = '';
        let pen = first.x;
        let pending = '';
        for (const run of line.runs) {
          const { name, encoder } = resources.font(run.font);
          const shift = run.x - pen;
          if (name !== current) {
            if (pending) out.push(`[${pending}] TJ`);
            pending = '';
            out.push(`/${name} ${round(line.size)} Tf`);
            current = name;
          }
          // 0.1 thousandth of 9 pt is 0.001 pt: finer than any device.
          if (Math.abs(shift) > 0.0005) pending += `${round((-shift * 1000) / line.size, 1)}`;
          pending += encoder.operands(run.text);
          pen = run.x + run.width;
        }
        out.push(`[${pending}] TJ ET`);
        break;
      }
      case 'rule':
        out.push(
          `${rgb(element.ink)} RG ${round(element.weight)} w ${round(element.x1)} ${y(element.y1)} m ${round(element.x2)} ${y(element.y2)} l S`,
        );
        break;
      case 'rect': {
        const [x, top, w, h] = element.box;
        const path = `${round(x)} ${y(top + h)} ${round(w)} ${round(h)} re`;
        if (element.fill && element.stroke) out.push(`${rgb(element.fill)} rg ${rgb(element.stroke)} RG ${round(element.weight ?? 1)} w ${path} B`);
        else if (element.fill) out.push(`${rgb(element.fill)} rg ${path} f`);
        else if (element.stroke) out.push(`${rgb(element.stroke)} RG ${round(element.weight ?? 1)} w ${path} S`);
        break;
      }
      case 'image': {
        const name = resources.image(element.image);
        const [cx, ct, cw, ch] = element.clip;
        const [x, top, w, h] = element.box;
        out.push(
          `q ${round(cx)} ${y(ct + ch)} ${round(cw)} ${round(ch)} re W n ${round(w)} 0 0 ${round(h)} ${round(x)} ${y(top + h)} cm /${name} Do Q`,
        );
        break;
      }
      case 'link':
        break;
    }
  }
  return out.join('\n');
}
