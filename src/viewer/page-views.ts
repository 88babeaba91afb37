/**
 * Page views for a host's analytics: a page counts as viewed once it has been
 * on screen, painted, for `PAGE_VIEW_MS` without a break. A page flipped past
 * is not a view; a page that stays is one view until it leaves the screen
 * (and another if the reader comes back to it).
 *
 * "On screen" needs the document to be visible (the Page Visibility API) and
 * the viewer to be in the viewport: a hidden tab or an embed scrolled out of
 * sight counts no time. The viewer itself sends nothing anywhere; it fires an
 * event and the host decides what to do with it.
 */

/** How long a page must stay on screen to count as viewed (ms). */
export const PAGE_VIEW_MS = 2000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Times the pages on screen. `show` is told which pages (by key, e.g.
 * `2025-11-10:3`) are painted and in view; `setVisible` whether the viewer
 * can be seen at all. `onView` is called once per key per stay.
 */
export class PageViewTimer {
  readonly #onView: (key: string) => void;
  readonly #delay: number;
  readonly #timers: Timers;
  /** Keys on screen, each with its running timer (or `null` once it has counted). */
  #shown = new Map<string, unknown>();
  #visible = true;

  constructor(onView: (key: string) => void, options: { delay?: number; timers?: Timers } = {}) {
    this.#onView = onView;
    this.#delay = options.delay ?? PAGE_VIEW_MS;
    this.#timers = options.timers ?? GLOBAL_TIMERS;
  }

  /** The pages now on screen. Pages still shown keep their time; new ones start theirs. */
  show(keys: readonly string[]): void {
    const next = new Map<string, unknown>();
    for (const key of keys) {
      if (this.#shown.has(key)) next.set(key, this.#shown.get(key));
      else next.set(key, this.#visible ? this.#start(key) : undefined);
    }
    for (const [key, timer] of this.#shown) if (!next.has(key) && timer) this.#timers.clearTimeout(timer);
    this.#shown = next;
  }

  /** Whether the viewer can be seen. Hidden, every page's time stops; seen again, it starts afresh. */
  setVisible(visible: boolean): void {
    if (visible === this.#visible) return;
    this.#visible = visible;
    for (const [key, timer] of this.#shown) {
      if (timer === null) continue;
      if (timer !== undefined) this.#timers.clearTimeout(timer);
      this.#shown.set(key, visible ? this.#start(key) : undefined);
    }
  }

  /** Stops every timer (the viewer left the document or closed the edition). */
  dispose(): void {
    this.show([]);
  }

  #start(key: string): unknown {
    return this.#timers.setTimeout(() => {
      if (!this.#shown.has(key)) return;
      this.#shown.set(key, null);
      this.#onView(key);
    }, this.#delay);
  }
}
