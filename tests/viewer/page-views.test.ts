import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_VIEW_MS, PageViewTimer } from '../../src/viewer/page-views.js';

describe('PageViewTimer', () => {
  let views: string[];
  let timer: PageViewTimer;

  beforeEach(() => {
    vi.useFakeTimers();
    views = [];
    timer = new PageViewTimer((key) => views.push(key));
  });
  afterEach(() => vi.useRealTimers());

  it('counts a page once it has stayed on screen for two seconds', () => {
    timer.show(['d:1']);
    vi.advanceTimersByTime(PAGE_VIEW_MS - 1);
    expect(views).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(views).toEqual(['d:1']);
  });

  it('does not count a page flipped past', () => {
    timer.show(['d:1']);
    vi.advanceTimersByTime(1500);
    timer.show(['d:2']);
    vi.advanceTimersByTime(1500);
    timer.show(['d:3']);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    expect(views).toEqual(['d:3']);
  });

  it('counts a page once per stay, and again when the reader comes back', () => {
    timer.show(['d:1']);
    vi.advanceTimersByTime(10 * PAGE_VIEW_MS);
    timer.show(['d:1']);
    vi.advanceTimersByTime(10 * PAGE_VIEW_MS);
    expect(views).toEqual(['d:1']);
    timer.show(['d:2']);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    timer.show(['d:1']);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    expect(views).toEqual(['d:1', 'd:2', 'd:1']);
  });

  it('counts both pages of a spread, and a page that stays when the spread changes keeps its time', () => {
    timer.show(['d:2']);
    vi.advanceTimersByTime(1000);
    timer.show(['d:2', 'd:3']);
    vi.advanceTimersByTime(1000);
    expect(views).toEqual(['d:2']);
    vi.advanceTimersByTime(1000);
    expect(views).toEqual(['d:2', 'd:3']);
  });

  it('counts no time while the viewer cannot be seen, and starts afresh when it can', () => {
    timer.show(['d:1']);
    vi.advanceTimersByTime(1500);
    timer.setVisible(false);
    vi.advanceTimersByTime(10 * PAGE_VIEW_MS);
    expect(views).toEqual([]);
    timer.setVisible(true);
    vi.advanceTimersByTime(1999);
    expect(views).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(views).toEqual(['d:1']);
  });

  it('does not count a page that arrives while hidden until the viewer is seen', () => {
    timer.setVisible(false);
    timer.show(['d:4']);
    vi.advanceTimersByTime(10 * PAGE_VIEW_MS);
    expect(views).toEqual([]);
    timer.setVisible(true);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    expect(views).toEqual(['d:4']);
  });

  it('a page already counted is not counted again by becoming visible', () => {
    timer.show(['d:1']);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    timer.setVisible(false);
    timer.setVisible(true);
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    expect(views).toEqual(['d:1']);
  });

  it('stops every timer when disposed', () => {
    timer.show(['d:1', 'd:2']);
    timer.dispose();
    vi.advanceTimersByTime(PAGE_VIEW_MS);
    expect(views).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
