/**
 * Zoom maths. A zoom is a scale in CSS pixels per PDF point; 100 % is the
 * printed size on a 96 dpi screen (96/72 px per pt), as in pdf.js.
 */

/** CSS pixels per PDF point at 100 %. */
export const CSS_PX_PER_PT = 96 / 72;

/** The largest zoom, as a fraction of the printed size: the issue asks for at least 400 %. */
export const MAX_ZOOM = 5;

/** Never smaller than this fraction of the printed size, whatever the screen. */
export const MIN_ZOOM = 0.1;

/** Zoom levels the +/− buttons and keys step through, as fractions of the printed size. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5] as const;

/** Space kept around the pages inside the stage, in CSS pixels. */
export const STAGE_PADDING = 12;

export const FIT_MODES = ['page', 'width'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/** Either fitted to the stage (the scale follows the stage's size) or a fixed scale. */
export type Zoom = { readonly fit: FitMode } | { readonly scale: number };

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The scale at which `content` (in points) fits `stage` (in CSS pixels) by `mode`. */
export function fitScale(content: Size, stage: Size, mode: FitMode): number {
  const width = Math.max(1, stage.width - 2 * STAGE_PADDING) / content.width;
  if (mode === 'width') return width;
  const height = Math.max(1, stage.height - 2 * STAGE_PADDING) / content.height;
  return Math.min(width, height);
}

/** `scale` kept within the zoom limits. */
export function clampScale(scale: number): number {
  return Math.min(Math.max(scale, MIN_ZOOM * CSS_PX_PER_PT), MAX_ZOOM * CSS_PX_PER_PT);
}

/** The scale `zoom` means for this content and stage. */
export function resolveScale(zoom: Zoom, content: Size, stage: Size): number {
  return 'fit' in zoom ? fitScale(content, stage, zoom.fit) : clampScale(zoom.scale);
}

/** The next zoom step above (`+1`) or below (`-1`) `scale`; at the ends, the end. */
export function stepScale(scale: number, direction: 1 | -1): number {
  const percent = scale / CSS_PX_PER_PT;
  // A scale within 2 % of a step counts as on it, so a fitted 99.5 % steps to 125 %, not to 100 %.
  const steps = direction > 0 ? ZOOM_STEPS.filter((s) => s > percent * 1.02) : ZOOM_STEPS.filter((s) => s < percent / 1.02).reverse();
  return (steps[0] ?? (direction > 0 ? MAX_ZOOM : MIN_ZOOM)) * CSS_PX_PER_PT;
}

/** Where content of `size` at `scale` sits inside a stage of `stage`: centred when smaller, padded when larger. */
export function contentOffset(size: Size, scale: number, stage: Size): Point {
  return {
    x: Math.max(STAGE_PADDING, (stage.width - size.width * scale) / 2),
    y: Math.max(STAGE_PADDING, (stage.height - size.height * scale) / 2),
  };
}

/**
 * The scroll position that keeps the content under `point` (in the stage's
 * visible area) in place while the scale changes from `from` to `to`.
 */
export function scrollForZoom(scroll: Point, point: Point, content: Size, stage: Size, from: number, to: number): Point {
  const before = contentOffset(content, from, stage);
  const after = contentOffset(content, to, stage);
  const x = (scroll.x + point.x - before.x) / from;
  const y = (scroll.y + point.y - before.y) / from;
  const maxX = Math.max(0, content.width * to + 2 * after.x - stage.width);
  const maxY = Math.max(0, content.height * to + 2 * after.y - stage.height);
  return {
    x: Math.min(Math.max(0, x * to + after.x - point.x), maxX),
    y: Math.min(Math.max(0, y * to + after.y - point.y), maxY),
  };
}

/** The zoom as a whole percentage of the printed size, for display. */
export function zoomPercent(scale: number): number {
  return Math.round((scale / CSS_PX_PER_PT) * 100);
}
