import { type Page, expect, test } from '@playwright/test';
import { NEWEST, events, liveCanvases, open, pageBox, shownPages, viewer, waitForSharp } from './helpers.js';

/** Single view (one page at a time) makes page numbers easy to follow. */
async function openSingle(page: Page, hash = ''): Promise<void> {
  await open(page, hash);
  await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
  await expect.poll(() => shownPages(page)).toEqual([1]);
}

async function pageChanges(page: Page): Promise<number[]> {
  return (await events(page, 'epaper-page-change')).map((e) => e.detail.page as number);
}

test.describe('the previous and next buttons', () => {
  test('turn one page at a time and stop at the ends', async ({ page }) => {
    await openSingle(page);
    const next = viewer(page).getByRole('button', { name: 'Next page' });
    const previous = viewer(page).getByRole('button', { name: 'Previous page' });
    await expect(previous).toBeDisabled();
    await next.click();
    await expect.poll(() => shownPages(page)).toEqual([2]);
    await expect(pageBox(page)).toHaveValue('2');
    await next.click();
    await next.click();
    await expect.poll(() => shownPages(page)).toEqual([4]);
    await expect(next).toBeDisabled();
    await previous.click();
    await expect.poll(() => shownPages(page)).toEqual([3]);
    expect(await pageChanges(page)).toEqual([2, 3, 4, 3]);
  });

  test('in spread view go from the front page to pages 2–3, then to 4', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'spread'));
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => shownPages(page)).toEqual([2, 3]);
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => shownPages(page)).toEqual([4]);
    await viewer(page).getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => shownPages(page)).toEqual([2, 3]);
  });
});

test.describe('the keyboard', () => {
  test('→ and PageDown turn forward, ← and PageUp back, Home and End to the ends', async ({ page }) => {
    await openSingle(page);
    await viewer(page).locator('.stage').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownPages(page)).toEqual([2]);
    await page.keyboard.press('PageDown');
    await expect.poll(() => shownPages(page)).toEqual([3]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownPages(page)).toEqual([2]);
    await page.keyboard.press('PageUp');
    await expect.poll(() => shownPages(page)).toEqual([1]);
    await page.keyboard.press('End');
    await expect.poll(() => shownPages(page)).toEqual([4]);
    await page.keyboard.press('Home');
    await expect.poll(() => shownPages(page)).toEqual([1]);
  });

  test('works on the standalone site before anything has focus', async ({ page }) => {
    await openSingle(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownPages(page)).toEqual([2]);
  });

  test('leaves keys typed in the page-number box alone', async ({ page }) => {
    await openSingle(page);
    await pageBox(page).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await shownPages(page)).toEqual([1]);
  });
});

test.describe('the page-number box', () => {
  test('goes to the page typed, by number or printed label', async ({ page }) => {
    await openSingle(page);
    await pageBox(page).fill('3');
    await pageBox(page).press('Enter');
    await expect.poll(() => shownPages(page)).toEqual([3]);
    await pageBox(page).fill('a4');
    await pageBox(page).press('Enter');
    await expect.poll(() => shownPages(page)).toEqual([4]);
  });

  test('ignores a page that does not exist and shows the current one again', async ({ page }) => {
    await openSingle(page);
    await pageBox(page).fill('99');
    await pageBox(page).press('Enter');
    await expect(pageBox(page)).toHaveValue('1');
    expect(await shownPages(page)).toEqual([1]);
  });
});

test.describe('swiping on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 400, height: 760 } });

  async function swipe(page: Page, fromX: number, toX: number): Promise<void> {
    const box = (await viewer(page).locator('.stage').boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const at = (x: number) => [{ x: box.x + x, y, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(fromX) });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(fromX + ((toX - fromX) * i) / 8) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  test('a swipe to the left turns to the next page, to the right back', async ({ page }) => {
    await open(page);
    expect(await shownPages(page)).toEqual([1]);
    await swipe(page, 320, 60);
    await expect.poll(() => shownPages(page)).toEqual([2]);
    await swipe(page, 60, 320);
    await expect.poll(() => shownPages(page)).toEqual([1]);
  });

  test('a short drag is not a swipe', async ({ page }) => {
    await open(page);
    await swipe(page, 220, 200);
    expect(await shownPages(page)).toEqual([1]);
  });
});

test.describe('section tabs', () => {
  test('go to the first page of the section and mark the current one', async ({ page }) => {
    await openSingle(page);
    const sections = viewer(page).getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('button')).toHaveText(['Front Page', 'City', 'Opinion']);
    await sections.getByRole('button', { name: 'Opinion' }).click();
    await expect.poll(() => shownPages(page)).toEqual([4]);
    await expect(sections.getByRole('button', { name: 'Opinion' })).toHaveAttribute('aria-current', 'true');
    await sections.getByRole('button', { name: 'City' }).click();
    await expect.poll(() => shownPages(page)).toEqual([2]);
  });
});

test.describe('the thumbnails', () => {
  test('list every page and go to the one chosen', async ({ page }) => {
    await openSingle(page);
    await viewer(page).getByRole('button', { name: 'All pages' }).click();
    const panel = viewer(page).getByRole('complementary', { name: 'All pages' });
    await expect(panel.getByRole('button', { name: /^Page A\d/ })).toHaveCount(4);
    await expect(panel.getByRole('button', { name: 'Page A1, Front Page' })).toHaveAttribute('aria-current', 'page');
    await panel.getByRole('button', { name: 'Page A4, Opinion' }).click();
    await expect.poll(() => shownPages(page)).toEqual([4]);
    await expect(panel).toBeHidden();
  });
});

test.describe('a jump line on the page', () => {
  test('“Continued on page 3” goes to page 3 and marks the story there', async ({ page }) => {
    await openSingle(page);
    await viewer(page).getByRole('button', { name: 'Go to page A3: Ferry fares to rise 12 percent in January' }).click();
    await expect.poll(() => shownPages(page)).toEqual([3]);
    await waitForSharp(page, 3);
    await expect(viewer(page).locator('.sheet[data-page="3"] .hotspot[data-article="ferry-fares"]')).toHaveClass(/highlight/);
  });
});

test.describe('the host setting `page`', () => {
  test('changes the page without a page-change event', async ({ page }) => {
    await openSingle(page);
    await viewer(page).evaluate((el) => el.setAttribute('page', '3'));
    await expect.poll(() => shownPages(page)).toEqual([3]);
    expect(await pageChanges(page)).toEqual([]);
  });

  test('sees `page` reflected as the reader turns pages', async ({ page }) => {
    await openSingle(page);
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect(viewer(page)).toHaveAttribute('page', '2');
    const change = (await events(page, 'epaper-page-change'))[0]!;
    expect(change.detail).toEqual({ page: 2, previousPage: 1, date: NEWEST });
  });
});

test.describe('turning pages', () => {
  /** Records the names of animations that start in the viewer. */
  async function watchAnimations(page: Page): Promise<void> {
    await viewer(page).evaluate((el) => {
      const names: string[] = [];
      (window as unknown as { __animations: string[] }).__animations = names;
      el.shadowRoot!.addEventListener('animationstart', (e) => names.push((e as AnimationEvent).animationName));
    });
  }

  const animations = (page: Page) => page.evaluate(() => (window as unknown as { __animations: string[] }).__animations);

  test('slides the new page in from the side it comes from', async ({ page }) => {
    await openSingle(page);
    await watchAnimations(page);
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => animations(page)).toEqual(['turn-next']);
    await viewer(page).getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => animations(page)).toEqual(['turn-next', 'turn-previous']);
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });
    test('does not animate', async ({ page }) => {
      await openSingle(page);
      await watchAnimations(page);
      await viewer(page).getByRole('button', { name: 'Next page' }).click();
      await waitForSharp(page, 2);
      expect(await animations(page)).toEqual([]);
    });
  });
});

test.describe('flipping through the edition many times', () => {
  test('keeps only a few canvases', async ({ page }) => {
    await openSingle(page);
    for (let round = 0; round < 3; round++) {
      for (let n = 2; n <= 4; n++) {
        await page.keyboard.press('PageDown');
        await waitForSharp(page, n);
      }
      await page.keyboard.press('Home');
    }
    await waitForSharp(page, 1);
    // The page on screen, the next and the previous one: three canvases however far the reader flips.
    expect(await liveCanvases(page)).toBeGreaterThan(0);
    expect(await liveCanvases(page)).toBeLessThanOrEqual(3);
  });
});

test.describe('the host moving the viewer elsewhere in its page', () => {
  test('keeps the page the reader was on and renders it again', async ({ page }) => {
    await openSingle(page);
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await waitForSharp(page, 2);
    await page.evaluate(() => {
      const element = document.querySelector('epaper-viewer')!;
      const box = document.createElement('section');
      document.querySelector('main')!.append(box);
      box.append(element);
    });
    await expect.poll(async () => (await events(page, 'epaper-page-render')).filter((e) => e.detail.page === 2 && e.detail.sharp).length).toBe(2);
    expect(await shownPages(page)).toEqual([2]);
  });
});
