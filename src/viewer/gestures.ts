/**
 * Pointer gestures on the page area, as a Lit ReactiveController: swipe to
 * turn pages, drag to pan, pinch and ctrl+wheel to zoom, double-click or
 * double-tap to zoom at a point. The host says what each gesture does; this
 * file only recognises them.
 *
 * The stage has `touch-action: none`, so touch panning is ours too; taps and
 * clicks still reach the hotspots because pointer capture starts only once a
 * pointer has moved, and the click that ends a drag is swallowed. A touch tap
 * reaches its target only when no second tap follows (as browsers do for
 * double-tap zoom), so double-tapping a story zooms rather than opening it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Point } from './zoom.js';

export interface GestureHandlers {
  /** A horizontal swipe when the content does not scroll sideways. */
  swipe(direction: 'next' | 'previous'): void;
  /** Move the view by this many CSS pixels. */
  pan(dx: number, dy: number): void;
  /** Scale by `factor` about `center` (CSS pixels from the stage's top-left). */
  zoom(factor: number, center: Point): void;
  /** Double-click or double-tap at `point`. */
  doubleTap(point: Point): void;
  /** Whether dragging should pan (the content is larger than the stage) rather than swipe. */
  canPan(): boolean;
}

/** A pointer must move this far (CSS px) before a press becomes a drag. */
const DRAG_THRESHOLD = 8;
/** A swipe must travel this fraction of the stage's width, and at least `SWIPE_MIN_PX`. */
const SWIPE_FRACTION = 0.12;
const SWIPE_MIN_PX = 40;
/** …and be this much more horizontal than vertical. */
const SWIPE_RATIO = 1.5;
/** Two taps closer than this in time (ms) and space (px) are a double-tap; platform defaults are 300–500 ms. */
const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_PX = 30;
/** ctrl+wheel: zoom factor per pixel of wheel delta (Chrome sends trackpad pinches this way too). */
const WHEEL_ZOOM_PER_PX = 0.002;

interface Tracked {
  readonly id: number;
  readonly type: string;
  readonly startX: number;
  readonly startY: number;
  x: number;
  y: number;
}

export class GestureController implements ReactiveController {
  readonly #target: () => HTMLElement | null | undefined;
  readonly #handlers: GestureHandlers;
  #element: HTMLElement | undefined;
  readonly #pointers = new Map<number, Tracked>();
  #dragging = false;
  #panning = false;
  #pinchDistance = 0;
  #suppressClick = false;
  #pendingTap: { target: EventTarget; x: number; y: number; timer: ReturnType<typeof setTimeout> } | undefined;
  #passClick = false;
  #lastPointerType = 'mouse';
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, target: () => HTMLElement | null | undefined, handlers: GestureHandlers) {
    this.#target = target;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.#target() ?? undefined;
    if (element === this.#element) return;
    this.#detach();
    if (element) this.#attach(element);
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #attach(element: HTMLElement): void {
    this.#element = element;
    this.#abort = new AbortController();
    const options = { signal: this.#abort.signal };
    element.addEventListener('pointerdown', (e) => this.#down(e), options);
    element.addEventListener('pointermove', (e) => this.#move(e), options);
    element.addEventListener('pointerup', (e) => this.#up(e), options);
    element.addEventListener('pointercancel', (e) => this.#cancel(e), options);
    element.addEventListener('wheel', (e) => this.#wheel(e), { ...options, passive: false });
    element.addEventListener('dblclick', (e) => this.#dblclick(e), options);
    element.addEventListener('click', (e) => this.#click(e), { ...options, capture: true });
  }

  #detach(): void {
    if (this.#pendingTap) clearTimeout(this.#pendingTap.timer);
    this.#pendingTap = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#element = undefined;
    this.#pointers.clear();
  }

  #local(x: number, y: number): Point {
    const rect = this.#element!.getBoundingClientRect();
    return { x: x - rect.left, y: y - rect.top };
  }

  #down(e: PointerEvent): void {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    // Form controls inside the stage (none today) keep their own behaviour.
    if ((e.target as Element).closest?.('input, select, textarea')) return;
    this.#suppressClick = false;
    this.#lastPointerType = e.pointerType;
    this.#pointers.set(e.pointerId, { id: e.pointerId, type: e.pointerType, startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY });
    if (this.#pointers.size === 2) {
      this.#pinchDistance = this.#distance();
      this.#dragging = true;
      this.#capture();
    }
  }

  #move(e: PointerEvent): void {
    const p = this.#pointers.get(e.pointerId);
    if (!p) return;
    const dx = e.clientX - p.x;
    const dy = e.clientY - p.y;
    p.x = e.clientX;
    p.y = e.clientY;
    if (this.#pointers.size >= 2) {
      const distance = this.#distance();
      const [a, b] = [...this.#pointers.values()] as [Tracked, Tracked];
      if (this.#pinchDistance > 0 && distance > 0) {
        this.#handlers.zoom(distance / this.#pinchDistance, this.#local((a.x + b.x) / 2, (a.y + b.y) / 2));
      }
      this.#pinchDistance = distance;
      // The midpoint's movement pans, as on every touch map.
      this.#handlers.pan(-dx / 2, -dy / 2);
      return;
    }
    if (!this.#dragging && Math.hypot(e.clientX - p.startX, e.clientY - p.startY) >= DRAG_THRESHOLD) {
      this.#dragging = true;
      this.#panning = this.#handlers.canPan();
      this.#capture();
    }
    if (this.#dragging && this.#panning) this.#handlers.pan(-dx, -dy);
  }

  #up(e: PointerEvent): void {
    const p = this.#pointers.get(e.pointerId);
    if (!p) return;
    this.#pointers.delete(e.pointerId);
    if (this.#pointers.size > 0) {
      // One finger of a pinch lifted: the other finger must not become a swipe.
      this.#pinchDistance = 0;
      return;
    }
    const wasDragging = this.#dragging;
    this.#dragging = false;
    if (wasDragging) {
      this.#suppressClick = true;
      if (!this.#panning) this.#maybeSwipe(p);
      this.#panning = false;
      return;
    }
    if (p.type === 'touch' || p.type === 'pen') this.#tap(e);
  }

  #cancel(e: PointerEvent): void {
    this.#pointers.delete(e.pointerId);
    if (this.#pointers.size === 0) {
      this.#dragging = false;
      this.#panning = false;
    }
  }

  #maybeSwipe(p: Tracked): void {
    const dx = p.x - p.startX;
    const dy = p.y - p.startY;
    const width = this.#element?.clientWidth ?? 0;
    if (Math.abs(dx) < Math.max(SWIPE_MIN_PX, width * SWIPE_FRACTION) || Math.abs(dx) < Math.abs(dy) * SWIPE_RATIO) return;
    this.#handlers.swipe(dx < 0 ? 'next' : 'previous');
  }

  /** A touch tap: the second of two zooms; a lone one is passed on as a click once no second tap can follow. */
  #tap(e: PointerEvent): void {
    this.#suppressClick = true;
    const pending = this.#pendingTap;
    if (pending && Math.hypot(e.clientX - pending.x, e.clientY - pending.y) < DOUBLE_TAP_PX) {
      clearTimeout(pending.timer);
      this.#pendingTap = undefined;
      this.#handlers.doubleTap(this.#local(e.clientX, e.clientY));
      return;
    }
    if (pending) clearTimeout(pending.timer);
    const target = e.target as HTMLElement;
    const timer = setTimeout(() => {
      this.#pendingTap = undefined;
      this.#passClick = true;
      target.click();
      this.#passClick = false;
    }, DOUBLE_TAP_MS);
    this.#pendingTap = { target, x: e.clientX, y: e.clientY, timer };
  }

  #wheel(e: WheelEvent): void {
    if (!e.ctrlKey) return;
    e.preventDefault();
    const pixels = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 16 : e.deltaY;
    this.#handlers.zoom(Math.exp(-pixels * WHEEL_ZOOM_PER_PX), this.#local(e.clientX, e.clientY));
  }

  #dblclick(e: MouseEvent): void {
    // Touch double-taps are recognised from pointer events; some browsers also send a dblclick for them.
    if (this.#lastPointerType !== 'mouse') return;
    e.preventDefault();
    this.#handlers.doubleTap(this.#local(e.clientX, e.clientY));
  }

  #click(e: MouseEvent): void {
    if (this.#passClick || !this.#suppressClick) return;
    this.#suppressClick = false;
    e.preventDefault();
    e.stopPropagation();
  }

  #capture(): void {
    for (const id of this.#pointers.keys()) {
      try {
        this.#element?.setPointerCapture(id);
      } catch {
        // The pointer is already gone; nothing to capture.
      }
    }
  }

  #distance(): number {
    const [a, b] = [...this.#pointers.values()] as [Tracked, Tracked];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
