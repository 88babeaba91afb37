import { createCanvas, loadImage } from '@napi-rs/canvas';
import { type Page, expect, test } from '@playwright/test';
import { events, open, viewer } from './helpers.js';

/** The zoom shown in the toolbar, in percent. */
async function percent(page: Page): Promise<number> {
  return Number((await viewer(page).locator('.percent').textContent())!.replace(/\D/g, ''));
}

/**
 * Device pixels per CSS pixel of the sharpest canvas covering the middle of
 * the stage: 1 × devicePixelRatio means full resolution; less means the page
 * is a stretched, blurry image.
 */
async function resolutionAtCentre(page: Page): Promise<number> {
  return viewer(page).evaluate((el) => {
    const stage = el.shadowRoot!.querySelector('.stage')!.getBoundingClientRect();
    const x = stage.left + stage.width / 2;
    const y = stage.top + stage.height / 2;
    let best = 0;
    for (const canvas of el.shadowRoot!.querySelectorAll('canvas')) {
      const r = canvas.getBoundingClientRect();
      if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue;
      best = Math.max(best, canvas.width / r.width);
    }
    return best;
  });
}

/** Largest canvas in pixels: whole-page canvases must stay under the cap however far one zooms. */
async function largestCanvas(page: Page): Promise<number> {
  return viewer(page).evaluate((el) => Math.max(...[...el.shadowRoot!.querySelectorAll('canvas')].map((c) => c.width * c.height)));
}

const CLIP = { width: 300, height: 200 } as const;

/**
 * `crisp`: the share of inked pixels that are nearly black, high for crisp
 * text and low for text blown up into grey smudges; `inked`: the share of
 * pixels that are not paper, to be sure there is text to judge.
 */
function crispness(data: Uint8ClampedArray): { inked: number; crisp: number } {
  let inked = 0;
  let crisp = 0;
  for (let i = 0; i < data.length; i += 4) {
    const v = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    if (v < 235) inked++;
    if (v < 60) crisp++;
  }
  return { inked: inked / (data.length / 4), crisp: inked ? crisp / inked : 0 };
}

/** The middle of the stage as the reader sees it, and where that is on page 1 (in points). */
async function centre(page: Page): Promise<{ data: Uint8ClampedArray; rect: { x: number; y: number; width: number; height: number } }> {
  const stage = (await viewer(page).locator('.stage').boundingBox())!;
  const clip = { x: stage.x + stage.width / 2 - CLIP.width / 2, y: stage.y + stage.height / 2 - CLIP.height / 2, ...CLIP };
  const image = await loadImage(await page.screenshot({ clip }));
  const context = createCanvas(CLIP.width, CLIP.height).getContext('2d');
  context.drawImage(image, 0, 0);
  const sheet = (await viewer(page).locator('.sheet[data-page="1"]').boundingBox())!;
  const scale = sheet.width / 810;
  const rect = { x: (clip.x - sheet.x) / scale, y: (clip.y - sheet.y) / scale, width: CLIP.width / scale, height: CLIP.height / scale };
  return { data: context.getImageData(0, 0, CLIP.width, CLIP.height).data, rect };
}

/** The fitted page's canvas, as PNG bytes, and its width in pixels. */
async function fittedCanvas(page: Page): Promise<{ png: Buffer; width: number }> {
  const { url, width } = await viewer(page)
    .locator('.sheet[data-page="1"] canvas.base')
    .evaluate((c: HTMLCanvasElement) => ({ url: c.toDataURL('image/png'), width: c.width }));
  return { png: Buffer.from(url.split(',')[1]!, 'base64'), width };
}

/** `rect` (points) of the fitted canvas stretched to the clip's size, as a browser would stretch it. */
async function stretched(fitted: { png: Buffer; width: number }, rect: { x: number; y: number; width: number; height: number }): Promise<Uint8ClampedArray> {
  const image = await loadImage(fitted.png);
  const k = fitted.width / 810;
  const context = createCanvas(CLIP.width, CLIP.height).getContext('2d');
  context.imageSmoothingEnabled = true;
  context.drawImage(image, rect.x * k, rect.y * k, rect.width * k, rect.height * k, 0, 0, CLIP.width, CLIP.height);
  return context.getImageData(0, 0, CLIP.width, CLIP.height).data;
}

async function sharpCount(page: Page): Promise<number> {
  return (await events(page, 'epaper-page-render')).filter((e) => e.detail.sharp).length;
}

test.describe('zooming in', () => {
  test.use({ viewport: { width: 1000, height: 760 } });

  test('to 400 % renders the visible part at full resolution, with no canvas over the cap', async ({ page }) => {
    await open(page, '#2025-11-10/p/1');
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    const fitted = await resolutionAtCentre(page);
    expect(fitted).toBeCloseTo(1, 1);
    await viewer(page).locator('.stage').focus();
    while ((await percent(page)) < 400) await page.keyboard.press('+');
    expect(await percent(page)).toBe(400);
    await expect.poll(() => resolutionAtCentre(page), { timeout: 15_000 }).toBeGreaterThan(0.95);
    expect(await largestCanvas(page)).toBeLessThanOrEqual(2 ** 24);
  });

  test('makes text sharper than the fitted rendering blown up to the same size', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    const fitted = await fittedCanvas(page);
    await viewer(page).locator('.stage').focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('+');
    await expect.poll(() => resolutionAtCentre(page), { timeout: 15_000 }).toBeGreaterThan(0.95);
    const zoomed = await centre(page);
    const blownUp = crispness(await stretched(fitted, zoomed.rect));
    const sharp = crispness(zoomed.data);
    // Both show the same text…
    expect(blownUp.inked).toBeGreaterThan(0.05);
    expect(sharp.inked).toBeGreaterThan(0.05);
    // …but only the zoomed rendering draws its strokes in solid black.
    expect(sharp.crisp).toBeGreaterThan(0.15);
    expect(sharp.crisp).toBeGreaterThan(blownUp.crisp * 2);
  });

  test('with the buttons steps through the zoom levels and back to fit', async ({ page }) => {
    await open(page);
    const fit = await percent(page);
    await viewer(page).getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await percent(page);
    expect(zoomed).toBeGreaterThan(fit);
    await viewer(page).getByRole('button', { name: 'Zoom out' }).click();
    expect(await percent(page)).toBeLessThan(zoomed);
    await viewer(page).getByRole('button', { name: 'Fit width' }).click();
    await expect(viewer(page).getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');
    await viewer(page).getByRole('button', { name: 'Fit page' }).click();
    expect(await percent(page)).toBe(fit);
  });

  test('with ctrl + wheel zooms about the pointer', async ({ page }) => {
    await open(page);
    const before = await percent(page);
    const box = (await viewer(page).locator('.stage').boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(() => percent(page)).toBeGreaterThan(before);
  });

  test('by double-click zooms in, and a second double-click returns to the whole page', async ({ page }) => {
    await open(page);
    const before = await percent(page);
    const box = (await viewer(page).locator('.stage').boundingBox())!;
    // A spot between the sheets' stories: the grey margin beside the page.
    await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
    await expect.poll(() => percent(page)).toBeGreaterThan(before * 2);
    await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
    await expect.poll(() => percent(page)).toBe(before);
  });

  test('Esc returns to the whole page', async ({ page }) => {
    await open(page);
    const before = await percent(page);
    await viewer(page).locator('.stage').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await percent(page)).toBeGreaterThan(before);
    await page.keyboard.press('Escape');
    expect(await percent(page)).toBe(before);
  });

  test('lets one drag the page to pan', async ({ page }) => {
    await open(page);
    await viewer(page).locator('.stage').focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('+');
    const scroll = () => viewer(page).locator('.stage').evaluate((s) => ({ x: s.scrollLeft, y: s.scrollTop }));
    const start = await scroll();
    const box = (await viewer(page).locator('.stage').boundingBox())!;
    await page.mouse.move(box.x + 400, box.y + 400);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 300, { steps: 5 });
    await page.mouse.up();
    const end = await scroll();
    expect(end.x - start.x).toBeCloseTo(100, -1);
    expect(end.y - start.y).toBeCloseTo(100, -1);
    // The drag ended over a story: it must not have opened it.
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
  });
});

test.describe('pinching on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 400, height: 760 } });

  test('zooms in', async ({ page }) => {
    await open(page);
    const before = await percent(page);
    const box = (await viewer(page).locator('.stage').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const fingers = (d: number) => [
      { x: cx - d, y: cy, id: 1 },
      { x: cx + d, y: cy, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
    for (let d = 40; d <= 120; d += 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => percent(page)).toBeGreaterThan(before * 3);
    expect(await sharpCount(page)).toBeGreaterThan(0);
  });
});
