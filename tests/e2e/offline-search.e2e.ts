import { expect, test } from '@playwright/test';
import { NEWEST, OLDER, artifact, ink, open, shownPages, viewer } from './helpers.js';
import { openLibrary, pick, saveShown, waitForEdition } from './offline-helpers.js';

test.describe('searching the saved editions with no network', () => {
  // The service worker serves the app when the reload has no network.
  test.use({ serviceWorkers: 'allow' });

  test('finds a story of an edition that is not open, and choosing it opens that edition at its page with the story highlighted', async ({ page, context }) => {
    await open(page, `#${OLDER}`);
    await saveShown(page);
    await pick(page, NEWEST);
    await waitForEdition(page, NEWEST);
    await saveShown(page);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));

    await context.setOffline(true);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.reload();
    await waitForEdition(page, NEWEST);

    await openLibrary(page);
    // "oysters" is only in the edition of the 9th (the market-hall story, page A2).
    await viewer(page).getByRole('searchbox', { name: 'Search saved editions' }).fill('oysters');
    await expect(viewer(page).locator('.library .hit-count')).toHaveText('1 story found');
    const hit = viewer(page).locator('.saved-hits button');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('page A2');
    await expect(hit).toContainText('Market hall reopens with twelve new stalls');
    await expect(hit.locator('mark')).toHaveText('oysters');
    await artifact(page, 'saved-search');

    await hit.click();
    await waitForEdition(page, OLDER, 2);
    expect(await shownPages(page)).toContain(2);
    // Drawn, not blank (a text-only page inks less than a front page).
    expect(await ink(page, 2)).toBeGreaterThan(0.002);
    const hotspot = viewer(page).locator('.sheet[data-page="2"] .hotspot[data-article="market-hall"]');
    await expect(hotspot).toHaveClass(/highlight/);
    await expect(hotspot).toBeFocused();
    expect(page.url()).toContain(`#${OLDER}/p/2`);
    // All from this device: nothing under either edition's folder was asked for.
    expect(requested.filter((url) => url.includes('/editions/20'))).toEqual([]);
  });

  test('a word in no saved edition finds nothing', async ({ page }) => {
    await open(page);
    await saveShown(page);
    await viewer(page).getByRole('searchbox', { name: 'Search saved editions' }).fill('zeppelin');
    await expect(viewer(page).locator('.library .hit-count')).toHaveText('0 stories found');
    await expect(viewer(page).locator('.saved-hits button')).toHaveCount(0);
  });
});
