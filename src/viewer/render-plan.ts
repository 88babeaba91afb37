/**
 * What to render next, as pure data (after pdf.js's `PDFRenderingQueue`):
 * the pages on screen first, then the spread the reader will most likely turn
 * to, then the one behind; everything else is let go so memory stays bounded.
 *
 * Each page has a base canvas covering the whole page, capped at
 * `maxCanvasPixels`. When the zoom asks for more pixels than the cap allows, a
 * detail canvas covers just the visible part at full resolution, drawn over the
 * base (browsers cap a canvas near 16k px a side and 2^24–2^25 px in all on
 * phones, so one canvas for the whole page at 400 % would fail or blur).
 */

/** A rectangle in PDF points from the page's top-left corner. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A page the plan may render, at the CSS scale it is (or would be) shown. */
export interface PageView {
  readonly page: number;
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  /** CSS pixels per point. */
  readonly cssScale: number;
  /** The part of the page inside the stage, in points; absent for pages not on screen. */
  readonly visible?: Rect;
}

/** What a page currently has on its canvases. */
export interface Rendered {
  /** Device pixels per point of the base canvas. */
  readonly base?: number;
  readonly detail?: { readonly scale: number; readonly rect: Rect };
}

export interface PlanInput {
  readonly devicePixelRatio: number;
  /** The pages on screen, in reading order. */
  readonly visible: readonly PageView[];
  /** The spread after the visible one in the reading direction. */
  readonly ahead: readonly PageView[];
  /** The spread before it. */
  readonly behind: readonly PageView[];
  readonly rendered: ReadonlyMap<number, Rendered>;
  /** Pages whose PDF failed: not tried again until the edition is reloaded. */
  readonly failed?: ReadonlySet<number>;
  readonly maxCanvasPixels?: number;
  readonly maxDetailPixels?: number;
}

export type Job =
  | { readonly kind: 'base'; readonly page: number; readonly scale: number }
  | { readonly kind: 'detail'; readonly page: number; readonly scale: number; readonly rect: Rect };

export interface Plan {
  /** In the order to run them. */
  readonly jobs: readonly Job[];
  /** Pages whose canvases are worth keeping; the rest are released. */
  readonly keep: ReadonlySet<number>;
  /** Pages whose detail canvas is worth keeping. */
  readonly keepDetail: ReadonlySet<number>;
}

/**
 * 2^22 px (16 MB of RGBA) per canvas: about 2048 × 2048, enough for a whole
 * 810 × 1150 pt page at 1.5× the printed size on a 1× screen. A handful of
 * them fit in any phone's canvas budget; sharper than that is the detail
 * canvas's job.
 */
export const MAX_CANVAS_PIXELS = 2 ** 22;

/**
 * 2^24 px for the one detail canvas per visible page: the whole stage of a
 * 1920 × 1080 screen at 2× (8.3 M px) plus a margin for panning.
 */
export const MAX_DETAIL_PIXELS = 2 ** 24;

/** A base canvas within this fraction below its target counts as sharp enough (avoids re-rendering for a few pixels). */
const SCALE_TOLERANCE = 0.92;

/** A base canvas more than this many times its target is too big to keep. */
const OVERSIZE = 2.5;

/** The detail canvas covers this fraction more than the visible part on each side, so small pans stay sharp. */
const DETAIL_MARGIN = 0.25;

/** Device pixels per point for a whole-page canvas of `view`. */
export function baseScale(view: PageView, devicePixelRatio: number, maxCanvasPixels = MAX_CANVAS_PIXELS): number {
  return Math.min(view.cssScale * devicePixelRatio, Math.sqrt(maxCanvasPixels / (view.width * view.height)));
}

function needsBase(target: number, rendered: Rendered | undefined): boolean {
  const have = rendered?.base;
  return have === undefined || have < target * SCALE_TOLERANCE || have > target * OVERSIZE;
}

function contains(outer: Rect, inner: Rect): boolean {
  const e = 0.5;
  return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.x + inner.width <= outer.x + outer.width + e && inner.y + inner.height <= outer.y + outer.height + e;
}

/** `rect` grown by `DETAIL_MARGIN` on each side, then cut to the page and to `maxPixels` at `scale`. */
export function detailRect(rect: Rect, view: PageView, scale: number, maxPixels: number): Rect {
  const mx = rect.width * DETAIL_MARGIN;
  const my = rect.height * DETAIL_MARGIN;
  let x = Math.max(0, rect.x - mx);
  let y = Math.max(0, rect.y - my);
  let width = Math.min(view.width, rect.x + rect.width + mx) - x;
  let height = Math.min(view.height, rect.y + rect.height + my) - y;
  // Too many pixels with the margin: fall back towards the visible part itself.
  const excess = (width * height * scale * scale) / maxPixels;
  if (excess > 1) {
    const shrink = Math.sqrt(excess);
    const w = Math.max(rect.width, width / shrink);
    const h = Math.max(rect.height, height / shrink);
    x = Math.max(0, Math.min(rect.x + rect.width / 2 - w / 2, view.width - w));
    y = Math.max(0, Math.min(rect.y + rect.height / 2 - h / 2, view.height - h));
    width = Math.min(w, view.width);
    height = Math.min(h, view.height);
  }
  return { x, y, width, height };
}

/** The renders to run, in order, and what to keep. */
export function planRenders(input: PlanInput): Plan {
  const max = input.maxCanvasPixels ?? MAX_CANVAS_PIXELS;
  const maxDetail = input.maxDetailPixels ?? MAX_DETAIL_PIXELS;
  const dpr = input.devicePixelRatio;
  const failed = input.failed ?? new Set<number>();
  const jobs: Job[] = [];
  const keepDetail = new Set<number>();
  const bases = (views: readonly PageView[]) => {
    for (const view of views) {
      if (failed.has(view.page)) continue;
      const scale = baseScale(view, dpr, max);
      if (needsBase(scale, input.rendered.get(view.page))) jobs.push({ kind: 'base', page: view.page, scale });
    }
  };
  bases(input.visible);
  for (const view of input.visible) {
    if (failed.has(view.page) || !view.visible) continue;
    const full = view.cssScale * dpr;
    if (full <= baseScale(view, dpr, max) / SCALE_TOLERANCE) continue;
    // Full resolution for the visible part, unless even that is over the cap.
    const visiblePixels = view.visible.width * view.visible.height * full * full;
    const scale = visiblePixels > maxDetail ? Math.sqrt(maxDetail / (view.visible.width * view.visible.height)) : full;
    keepDetail.add(view.page);
    const have = input.rendered.get(view.page)?.detail;
    if (have && have.scale >= scale * SCALE_TOLERANCE && have.scale <= scale / SCALE_TOLERANCE && contains(have.rect, view.visible)) continue;
    jobs.push({ kind: 'detail', page: view.page, scale, rect: detailRect(view.visible, view, scale, maxDetail) });
  }
  bases(input.ahead);
  bases(input.behind);
  const keep = new Set([...input.visible, ...input.ahead, ...input.behind].map((v) => v.page));
  return { jobs, keep, keepDetail };
}

/** A stable key for a job, so a running render can be recognised in the next plan. */
export function jobKey(job: Job): string {
  const base = `${job.kind}:${job.page}:${job.scale.toFixed(3)}`;
  if (job.kind === 'base') return base;
  const r = job.rect;
  return `${base}:${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)},${r.height.toFixed(1)}`;
}
