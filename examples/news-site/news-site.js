// @ts-check
/**
 * The host site's own script: a module file, since the page's
 * Content-Security-Policy (`script-src 'self'`) allows no inline script.
 *
 * It talks to the viewers only through their public API: properties
 * (`requestHeaders`), methods (`goToPage`, `openArticle`, `save`,
 * `clearSaved`) and events, which bubble out of each viewer and are counted
 * here — the "analytics" list is what a site would send to its own
 * statistics; the viewer itself sends nothing anywhere.
 *
 * This script is loaded before the viewer's, so the request options below are
 * set before the elements are upgraded and load anything.
 */

/** @typedef {HTMLElement & {
 *   src: string; date: string; page: number;
 *   requestHeaders: Record<string, string>; credentials: RequestCredentials;
 *   goToPage(n: number): void; openArticle(id: string): void;
 *   save(): Promise<unknown>; clearSaved(): Promise<unknown>;
 * }} Viewer */

/** @type {Viewer[]} */
const viewers = [...document.querySelectorAll('epaper-viewer')].map((v) => /** @type {Viewer} */ (v));

/** @param {string} id */
function viewerById(id) {
  const viewer = viewers.find((v) => v.id === id);
  if (!viewer) throw new Error(`No <epaper-viewer id="${id}"> on this page`);
  return viewer;
}

// Subscriber access: a paywalled edition server can authorise the requests for the catalog, the
// manifests and the page PDFs by a header (here on today's paper only; yesterday's is free). Cookies
// go with same-origin requests by default; editions served from another origin would need
// `viewer.credentials = 'include'` (and CORS on that server). An <img> cannot send headers, so a
// viewer with request headers draws its pages with pdf.js only, without the preview images.
viewerById('today').requestHeaders = { 'X-Courier-Reader': 'demo-subscriber' };

// ——— Analytics: the viewers' events, as they reach the page ———

const log = /** @type {HTMLOListElement} */ (document.getElementById('analytics-log'));

/** @type {Record<string, (detail: any) => string>} */
const DESCRIBE = {
  'epaper-edition-load': (d) => `${d.publication}, ${d.title} (${d.pages} pages)`,
  'epaper-page-change': (d) => `page ${d.previousPage} → ${d.page}`,
  'epaper-page-view': (d) => `page ${d.label} (${d.sectionTitle}) seen for 2 s`,
  'epaper-article-open': (d) => `“${d.headline}”`,
  'epaper-error': (d) => `${d.scope} ${d.code}: ${d.message}`,
};

/** @param {Event} event */
function record(event) {
  const detail = /** @type {CustomEvent} */ (event).detail ?? {};
  const source = /** @type {HTMLElement} */ (event.target).id || 'viewer';
  const item = document.createElement('li');
  item.dataset.type = event.type;
  item.dataset.viewer = source;
  item.dataset.detail = JSON.stringify(detail);
  const who = document.createElement('span');
  who.className = 'source';
  who.textContent = source;
  const what = document.createElement('span');
  what.className = 'type';
  what.textContent = event.type.replace(/^epaper-/, '');
  item.append(who, ' ', what, ` ${detail.date ?? ''} · ${DESCRIBE[event.type]?.(detail) ?? ''}`);
  log.prepend(item);
}

for (const type of Object.keys(DESCRIBE)) document.addEventListener(type, record);

// ——— Host controls: buttons of the page's own that drive a viewer ———

/** The first story of each viewer's edition, read from the edition's manifest. */
const firstStory = new Map();

/**
 * Finds the first story of `date` in the catalog at `src` (the same files the
 * viewer reads), so the page can offer "Open first story".
 * @param {Viewer} viewer
 * @param {string} date
 */
async function findFirstStory(viewer, date) {
  const init = { headers: viewer.requestHeaders, credentials: viewer.credentials };
  const catalogUrl = new URL(viewer.src, document.baseURI);
  const catalog = await (await fetch(catalogUrl, init)).json();
  const entry = catalog.editions.find((/** @type {{ date: string }} */ e) => e.date === date);
  if (!entry) return undefined;
  const manifest = await (await fetch(new URL(entry.manifest, catalogUrl), init)).json();
  return manifest.articles[0];
}

document.addEventListener('epaper-edition-load', async (event) => {
  const viewer = /** @type {Viewer} */ (event.target);
  const { date, pages } = /** @type {CustomEvent} */ (event).detail;
  for (const button of document.querySelectorAll(`button[data-viewer="${viewer.id}"][data-action="page"]`)) {
    /** @type {HTMLButtonElement} */ (button).disabled = Number(/** @type {HTMLElement} */ (button).dataset.page) > pages;
  }
  const storyButton = /** @type {HTMLButtonElement | null} */ (document.querySelector(`button[data-viewer="${viewer.id}"][data-action="story"]`));
  if (!storyButton) return;
  storyButton.disabled = true;
  const story = await findFirstStory(viewer, date).catch(() => undefined);
  if (!story || viewer.date !== date) return;
  firstStory.set(viewer.id, story);
  storyButton.title = story.headline;
  storyButton.disabled = false;
});

document.addEventListener('click', async (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest('button[data-viewer]');
  if (!(button instanceof HTMLButtonElement)) return;
  const viewer = viewerById(button.dataset.viewer ?? '');
  switch (button.dataset.action) {
    case 'page':
      viewer.goToPage(Number(button.dataset.page));
      break;
    case 'story': {
      const story = firstStory.get(viewer.id);
      if (story) viewer.openArticle(story.id);
      break;
    }
    case 'save': {
      const label = button.textContent;
      button.disabled = true;
      button.textContent = 'Saving…';
      try {
        await viewer.save();
        button.textContent = 'Saved on this device';
      } catch {
        button.textContent = label;
        button.disabled = false;
      }
      break;
    }
  }
});

// Signing out removes the saved editions (they are the subscriber's), for every viewer on this device.
document.getElementById('sign-out')?.addEventListener('click', async () => {
  await viewers[0]?.clearSaved();
  const save = /** @type {HTMLButtonElement | null} */ (document.querySelector('button[data-action="save"]'));
  if (save) {
    save.disabled = false;
    save.textContent = 'Save for offline reading';
  }
  const note = document.querySelector('.subscriber');
  if (note) note.textContent = 'Signed out: saved editions removed';
});
