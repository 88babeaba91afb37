/**
 * Runs a render plan with pdf.js: one render at a time, in the plan's order;
 * a new plan cancels a running render it no longer contains (a cancelled
 * render is a normal outcome, not an error); canvases of pages the plan does
 * not keep are released at once.
 *
 * Each finished render is a fresh canvas swapped in for the old one, so the
 * page never goes blank while a sharper rendering is on its way.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import { type CanvasRender, isCancelled, releaseCanvas, renderCanvas } from './pdf.js';
import { type Job, type Plan, type Rect, type Rendered, jobKey } from './render-plan.js';

export interface PageCanvases {
  readonly base?: { readonly canvas: HTMLCanvasElement; readonly scale: number };
  readonly detail?: { readonly canvas: HTMLCanvasElement; readonly scale: number; readonly rect: Rect };
}

export interface RenderQueueOptions {
  /** Page 1 of page `page`'s PDF. */
  readonly getPage: (page: number) => Promise<PDFPageProxy>;
  /** A job finished: `page` has a new canvas. */
  readonly onRender: (page: number, kind: Job['kind']) => void;
  /** Page `page` could not be opened or rendered. */
  readonly onError: (page: number, error: unknown) => void;
}

export class RenderQueue {
  readonly #options: RenderQueueOptions;
  readonly #canvases = new Map<number, PageCanvases>();
  #plan: Plan = { jobs: [], keep: new Set(), keepDetail: new Set() };
  #running: { readonly key: string; render?: CanvasRender; cancelled: boolean } | undefined;
  #disposed = false;

  constructor(options: RenderQueueOptions) {
    this.#options = options;
  }

  /** The canvases page `page` has now. */
  canvases(page: number): PageCanvases {
    return this.#canvases.get(page) ?? {};
  }

  /** What each page has rendered, as the planner wants it. */
  rendered(): Map<number, Rendered> {
    const out = new Map<number, Rendered>();
    for (const [page, c] of this.#canvases) {
      out.set(page, { base: c.base?.scale, detail: c.detail ? { scale: c.detail.scale, rect: c.detail.rect } : undefined });
    }
    return out;
  }

  /** Follows `plan` from now on. */
  update(plan: Plan): void {
    if (this.#disposed) return;
    this.#plan = plan;
    for (const [page, c] of this.#canvases) {
      if (!plan.keep.has(page)) {
        if (c.base) releaseCanvas(c.base.canvas);
        if (c.detail) releaseCanvas(c.detail.canvas);
        this.#canvases.delete(page);
      } else if (c.detail && !plan.keepDetail.has(page)) {
        releaseCanvas(c.detail.canvas);
        this.#canvases.set(page, { base: c.base });
      }
    }
    // Start fetching and parsing every kept page now: the worker parses while the main thread draws.
    for (const page of plan.keep) this.#options.getPage(page).catch(() => {});
    const running = this.#running;
    if (running && !plan.jobs.some((job) => jobKey(job) === running.key)) {
      running.cancelled = true;
      running.render?.cancel();
    }
    this.#next();
  }

  /** Cancels everything and releases every canvas. */
  dispose(): void {
    this.#disposed = true;
    this.#running?.render?.cancel();
    if (this.#running) this.#running.cancelled = true;
    for (const c of this.#canvases.values()) {
      if (c.base) releaseCanvas(c.base.canvas);
      if (c.detail) releaseCanvas(c.detail.canvas);
    }
    this.#canvases.clear();
  }

  #next(): void {
    if (this.#running || this.#disposed) return;
    const job = this.#plan.jobs[0];
    if (!job) return;
    const running: { key: string; render?: CanvasRender; cancelled: boolean } = { key: jobKey(job), cancelled: false };
    this.#running = running;
    void this.#run(job, running).finally(() => {
      if (this.#running === running) this.#running = undefined;
      // The job is done either way: drop it from the plan so the queue moves on.
      this.#plan = { ...this.#plan, jobs: this.#plan.jobs.filter((j) => jobKey(j) !== running.key) };
      this.#next();
    });
  }

  async #run(job: Job, running: { render?: CanvasRender; cancelled: boolean }): Promise<void> {
    let page: PDFPageProxy;
    try {
      page = await this.#options.getPage(job.page);
    } catch (error) {
      if (!running.cancelled) this.#options.onError(job.page, error);
      return;
    }
    if (running.cancelled || this.#disposed) return;
    running.render = renderCanvas(page, job.scale, job.kind === 'detail' ? job.rect : undefined);
    let canvas: HTMLCanvasElement;
    try {
      canvas = await running.render.promise;
    } catch (error) {
      if (!isCancelled(error) && !running.cancelled) this.#options.onError(job.page, error);
      return;
    }
    if (running.cancelled || this.#disposed || !this.#plan.keep.has(job.page)) {
      releaseCanvas(canvas);
      return;
    }
    const before = this.#canvases.get(job.page) ?? {};
    if (job.kind === 'base') {
      if (before.base) releaseCanvas(before.base.canvas);
      this.#canvases.set(job.page, { ...before, base: { canvas, scale: job.scale } });
    } else {
      if (before.detail) releaseCanvas(before.detail.canvas);
      this.#canvases.set(job.page, { ...before, detail: { canvas, scale: job.scale, rect: job.rect } });
    }
    this.#options.onRender(job.page, job.kind);
  }
}
