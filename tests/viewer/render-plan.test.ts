import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, type PageView, type PlanInput, baseScale, detailRect, jobKey, planRenders } from '../../src/viewer/render-plan.js';

const W = 810;
const H = 1150;

function view(page: number, cssScale: number, visible?: PageView['visible']): PageView {
  return { page, width: W, height: H, cssScale, ...(visible ? { visible } : {}) };
}

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    devicePixelRatio: 1,
    visible: [view(3, 0.6, { x: 0, y: 0, width: W, height: H })],
    ahead: [view(4, 0.6)],
    behind: [view(2, 0.6)],
    rendered: new Map(),
    ...overrides,
  };
}

describe('planRenders with nothing rendered yet', () => {
  it('renders the page on screen first, then the next one in reading order, then the one before', () => {
    expect(planRenders(input()).jobs.map((j) => `${j.kind} ${j.page}`)).toEqual(['base 3', 'base 4', 'base 2']);
  });

  it('renders both pages of a spread before the next spread', () => {
    const plan = planRenders(
      input({
        visible: [view(2, 0.5, { x: 0, y: 0, width: W, height: H }), view(3, 0.5, { x: 0, y: 0, width: W, height: H })],
        ahead: [view(4, 0.5), view(5, 0.5)],
        behind: [view(1, 0.6)],
      }),
    );
    expect(plan.jobs.map((j) => j.page)).toEqual([2, 3, 4, 5, 1]);
  });

  it('keeps the pages it renders and no others', () => {
    expect([...planRenders(input()).keep].sort()).toEqual([2, 3, 4]);
  });
});

describe('planRenders with pages already rendered', () => {
  it('skips a page rendered at the scale it needs', () => {
    const rendered = new Map([[3, { base: 0.6 }]]);
    expect(planRenders(input({ rendered })).jobs.map((j) => j.page)).toEqual([4, 2]);
  });

  it('renders again a page rendered too small for the zoom', () => {
    const rendered = new Map([[3, { base: 0.3 }]]);
    expect(planRenders(input({ rendered })).jobs[0]).toEqual({ kind: 'base', page: 3, scale: 0.6 });
  });

  it('keeps a sharper rendering when zooming out a little', () => {
    const rendered = new Map([[3, { base: 1.2 }]]);
    expect(planRenders(input({ rendered })).jobs.map((j) => j.page)).toEqual([4, 2]);
  });

  it('does not try again a page whose PDF failed', () => {
    expect(planRenders(input({ failed: new Set([3, 4]) })).jobs.map((j) => j.page)).toEqual([2]);
  });
});

describe('on a high-density screen', () => {
  it('renders at CSS scale × devicePixelRatio', () => {
    expect(planRenders(input({ devicePixelRatio: 2 })).jobs[0]).toEqual({ kind: 'base', page: 3, scale: 1.2 });
  });
});

describe('zoomed in past what one canvas may hold', () => {
  const zoomed = 4 * (96 / 72);
  const visibleRect = { x: 300, y: 400, width: 180, height: 130 };
  const plan = planRenders(input({ visible: [view(3, zoomed, visibleRect)] }));

  it('caps the whole-page canvas at MAX_CANVAS_PIXELS', () => {
    const base = plan.jobs.find((j) => j.kind === 'base' && j.page === 3)!;
    expect(W * H * base.scale ** 2).toBeLessThanOrEqual(MAX_CANVAS_PIXELS * 1.0001);
  });

  it('adds a full-resolution detail canvas over the visible part, after the base', () => {
    const kinds = plan.jobs.map((j) => `${j.kind} ${j.page}`);
    expect(kinds.indexOf('detail 3')).toBe(kinds.indexOf('base 3') + 1);
    const detail = plan.jobs.find((j) => j.kind === 'detail')!;
    expect(detail.scale).toBeCloseTo(zoomed);
    if (detail.kind !== 'detail') throw new Error('not a detail job');
    expect(detail.rect.x).toBeLessThanOrEqual(visibleRect.x);
    expect(detail.rect.x + detail.rect.width).toBeGreaterThanOrEqual(visibleRect.x + visibleRect.width);
    expect(plan.keepDetail.has(3)).toBe(true);
  });

  it('does not render the detail again while the view stays inside it', () => {
    const detail = plan.jobs.find((j) => j.kind === 'detail')!;
    if (detail.kind !== 'detail') throw new Error('not a detail job');
    const rendered = new Map([[3, { base: baseScale(view(3, zoomed), 1), detail: { scale: detail.scale, rect: detail.rect } }]]);
    const moved = { ...visibleRect, x: visibleRect.x + 10 };
    const again = planRenders(input({ visible: [view(3, zoomed, moved)], rendered }));
    expect(again.jobs.filter((j) => j.page === 3)).toEqual([]);
  });

  it('needs no detail canvas at the fitted zoom', () => {
    expect(planRenders(input()).jobs.some((j) => j.kind === 'detail')).toBe(false);
    expect(planRenders(input()).keepDetail.size).toBe(0);
  });
});

describe('detailRect', () => {
  it('adds a margin around the visible part, within the page', () => {
    const r = detailRect({ x: 0, y: 100, width: 200, height: 100 }, view(1, 1), 1, 2 ** 24);
    expect(r).toEqual({ x: 0, y: 75, width: 250, height: 150 });
  });

  it('gives up margin rather than exceed the pixel cap', () => {
    const r = detailRect({ x: 100, y: 100, width: 400, height: 300 }, view(1, 1), 10, 400 * 300 * 100 * 1.1);
    expect(r.width * r.height * 100).toBeLessThanOrEqual(400 * 300 * 100 * 1.1 + 1);
    expect(r.width).toBeGreaterThanOrEqual(400);
  });
});

describe('jobKey', () => {
  it('is the same for the same job and differs for another scale or region', () => {
    const a = { kind: 'detail' as const, page: 1, scale: 2, rect: { x: 1, y: 2, width: 3, height: 4 } };
    expect(jobKey(a)).toBe(jobKey({ ...a }));
    expect(jobKey(a)).not.toBe(jobKey({ ...a, scale: 2.5 }));
    expect(jobKey(a)).not.toBe(jobKey({ ...a, rect: { ...a.rect, x: 5 } }));
  });
});
