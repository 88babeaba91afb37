import { describe, expect, it } from 'vitest';
import { clampPage, nextPage, previousPage, showsSpreads, spreadOf } from '../../src/viewer/spreads.js';

describe('spreadOf in single view', () => {
  it('shows each page alone', () => {
    expect([1, 2, 3, 13].map((p) => spreadOf(p, 13, false))).toEqual([[1], [2], [3], [13]]);
  });
});

describe('spreadOf in spread view', () => {
  it('shows the front page alone and the rest in facing pairs, even page on the left', () => {
    expect([1, 2, 3, 4, 5].map((p) => spreadOf(p, 13, true))).toEqual([[1], [2, 3], [2, 3], [4, 5], [4, 5]]);
  });

  it('shows the last page alone when the count is even', () => {
    expect(spreadOf(12, 12, true)).toEqual([12]);
    expect(spreadOf(13, 13, true)).toEqual([12, 13]);
  });

  it('clamps a page outside the edition', () => {
    expect(spreadOf(99, 4, true)).toEqual([4]);
    expect(spreadOf(-3, 4, true)).toEqual([1]);
  });
});

describe('turning pages', () => {
  it('goes a spread at a time and stops at the ends', () => {
    expect(nextPage(1, 5, true)).toBe(2);
    expect(nextPage(2, 5, true)).toBe(4);
    expect(nextPage(3, 5, true)).toBe(4);
    expect(nextPage(4, 5, true)).toBeNull();
    expect(previousPage(5, 5, true)).toBe(2);
    expect(previousPage(2, 5, true)).toBe(1);
    expect(previousPage(1, 5, true)).toBeNull();
  });

  it('goes a page at a time in single view', () => {
    expect(nextPage(3, 5, false)).toBe(4);
    expect(nextPage(5, 5, false)).toBeNull();
    expect(previousPage(3, 5, false)).toBe(2);
  });
});

describe('showsSpreads', () => {
  it('in auto view shows spreads only on a stage clearly wider than tall', () => {
    expect(showsSpreads('auto', 1280, 748)).toBe(true);
    expect(showsSpreads('auto', 390, 700)).toBe(false);
    expect(showsSpreads('auto', 800, 800)).toBe(false);
    expect(showsSpreads('auto', 0, 0)).toBe(false);
  });

  it('follows single and spread whatever the size', () => {
    expect(showsSpreads('single', 2000, 500)).toBe(false);
    expect(showsSpreads('spread', 300, 900)).toBe(true);
  });
});

describe('clampPage', () => {
  it('rounds into 1…count', () => {
    expect([clampPage(2.6, 4), clampPage(0, 4), clampPage(9, 4), clampPage(Number.NaN, 4)]).toEqual([3, 1, 4, 1]);
  });
});
