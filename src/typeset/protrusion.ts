import type { FontMetrics } from './metrics.js';

/**
 * Character protrusion ("hanging punctuation", optical margin alignment):
 * the share of a glyph's width that may hang past the column edge, so that
 * light punctuation does not dent the edge. Values follow the defaults of
 * R. Schlicht's microtype package for Latin text (microtype manual, §5.1).
 * The breaker counts the hang as extra line width, which also gives
 * justification a little more room in narrow columns.
 */
const RIGHT: Readonly<Record<string, number>> = {
  '.': 0.7,
  ',': 0.7,
  '-': 0.7,
  '‐': 0.7,
  '–': 0.5,
  '—': 0.3,
  ':': 0.5,
  ';': 0.5,
  '!': 0.2,
  '?': 0.2,
  '’': 0.7,
  '”': 0.7,
  "'": 0.7,
  '"': 0.5,
  ')': 0.2,
};

const LEFT: Readonly<Record<string, number>> = {
  '“': 0.7,
  '‘': 0.7,
  '"': 0.5,
  "'": 0.5,
  '(': 0.2,
};

/** Points the last character of `text` may hang past the right edge. */
export function rightHang(text: string, metrics: FontMetrics, size: number): number {
  const last = text.slice(-1);
  const share = RIGHT[last];
  return share ? share * metrics.width(last) * size : 0;
}

/** Points the first character of `text` may hang past the left edge. */
export function leftHang(text: string, metrics: FontMetrics, size: number): number {
  const first = text.slice(0, 1);
  const share = LEFT[first];
  return share ? share * metrics.width(first) * size : 0;
}
