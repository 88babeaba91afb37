import { describe, expect, it } from 'vitest';
import { CSS_PX_PER_PT, MAX_ZOOM, STAGE_PADDING, clampScale, contentOffset, fitScale, resolveScale, scrollForZoom, stepScale, zoomPercent } from '../../src/viewer/zoom.js';

const PAGE = { width: 810, height: 1150 };
const STAGE = { width: 1000 + 2 * STAGE_PADDING, height: 700 + 2 * STAGE_PADDING };

describe('fitting a page to the stage', () => {
  it('fit page uses the tighter of width and height', () => {
    expect(fitScale(PAGE, STAGE, 'page')).toBeCloseTo(700 / 1150);
  });

  it('fit width uses the width alone', () => {
    expect(fitScale(PAGE, STAGE, 'width')).toBeCloseTo(1000 / 810);
  });

  it('resolveScale follows the stage for a fit and keeps a fixed scale', () => {
    expect(resolveScale({ fit: 'width' }, PAGE, STAGE)).toBeCloseTo(1000 / 810);
    expect(resolveScale({ scale: 2 }, PAGE, STAGE)).toBe(2);
  });
});

describe('zoom limits', () => {
  it('allow 400 % and stop at 500 %', () => {
    expect(clampScale(4 * CSS_PX_PER_PT)).toBeCloseTo(4 * CSS_PX_PER_PT);
    expect(clampScale(100)).toBeCloseTo(MAX_ZOOM * CSS_PX_PER_PT);
    expect(clampScale(0)).toBeGreaterThan(0);
  });
});

describe('stepScale', () => {
  it('goes to the next step up or down from any scale', () => {
    expect(zoomPercent(stepScale(0.6 * CSS_PX_PER_PT, 1))).toBe(67);
    expect(zoomPercent(stepScale(0.6 * CSS_PX_PER_PT, -1))).toBe(50);
  });

  it('treats a scale just under a step as on it', () => {
    expect(zoomPercent(stepScale(0.995 * CSS_PX_PER_PT, 1))).toBe(125);
  });

  it('stays at the largest step at the top', () => {
    expect(zoomPercent(stepScale(MAX_ZOOM * CSS_PX_PER_PT, 1))).toBe(500);
  });
});

describe('contentOffset', () => {
  it('centres content smaller than the stage and pads content larger than it', () => {
    expect(contentOffset(PAGE, 0.5, { width: 1000, height: 800 })).toEqual({ x: (1000 - 405) / 2, y: (800 - 575) / 2 });
    expect(contentOffset(PAGE, 2, { width: 1000, height: 800 })).toEqual({ x: STAGE_PADDING, y: STAGE_PADDING });
  });
});

describe('scrollForZoom', () => {
  const stage = { width: 1000, height: 800 };

  it('keeps the point under the pointer in place', () => {
    const from = 2;
    const to = 3;
    const scroll = { x: 300, y: 400 };
    const point = { x: 250, y: 100 };
    const before = contentOffset(PAGE, from, stage);
    const after = contentOffset(PAGE, to, stage);
    const next = scrollForZoom(scroll, point, PAGE, stage, from, to);
    const pagePointBefore = (scroll.x + point.x - before.x) / from;
    const pagePointAfter = (next.x + point.x - after.x) / to;
    expect(pagePointAfter).toBeCloseTo(pagePointBefore);
    expect((next.y + point.y - after.y) / to).toBeCloseTo((scroll.y + point.y - before.y) / from);
  });

  it('never scrolls before the start or past the end', () => {
    expect(scrollForZoom({ x: 0, y: 0 }, { x: 0, y: 0 }, PAGE, stage, 0.5, 0.6)).toEqual({ x: 0, y: 0 });
    const far = scrollForZoom({ x: 5000, y: 5000 }, { x: 1000, y: 800 }, PAGE, stage, 3, 3.5);
    expect(far.x).toBeLessThanOrEqual(PAGE.width * 3.5 + 2 * STAGE_PADDING - stage.width);
  });
});
