/**
 * The standalone e-paper site (`index.html`): the viewer fills the window,
 * deep links are on, and keys pressed before anything has focus go to the
 * viewer, so ←/→ turn pages from the start.
 */
import { html, render } from 'lit';
import { registerSW } from 'virtual:pwa-register';
import './index.js';
// The paper's own typefaces for the reader panel's text (fetched only when it opens).
import '@fontsource/old-standard-tt/latin-400.css';
import '@fontsource/old-standard-tt/latin-400-italic.css';
import '@fontsource/old-standard-tt/latin-700.css';
import '@fontsource/playfair-display/latin-700.css';

const viewer = document.querySelector('epaper-viewer');
if (viewer) {
  document.addEventListener('keydown', (e) => {
    if (e.target !== document.body || e.defaultPrevented) return;
    viewer.focus({ preventScroll: true });
    viewer.dispatchEvent(new KeyboardEvent('keydown', e));
  });
  const heading = document.querySelector('h1');
  viewer.addEventListener('epaper-edition-load', (e) => {
    document.title = `${e.detail.publication}, ${e.detail.title} · e-paper`;
    if (heading) heading.textContent = `${e.detail.publication} e-paper, ${e.detail.title}`;
  });
}

/** How often an open page asks the server for a new version, besides when it comes back online or into view. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * After one visit the site opens with no network. A new version waits for the reader's word, so a page
 * being read never changes under them: until they press "Update now", the version they opened keeps
 * serving the app's files from its cache (even files the new deployment removed from the server); then
 * the new version takes over and the page reloads where the reader was (the deep link in the address).
 */
function registerServiceWorker(): void {
  const updateApp = registerSW({
    immediate: true,
    onNeedRefresh() {
      // Workbox may report one update twice (as installed, then as waiting): one notice.
      if (document.querySelector('.update-bar')) return;
      const bar = document.createElement('div');
      bar.className = 'update-bar';
      bar.setAttribute('role', 'status');
      document.body.append(bar);
      render(html`A new version of the e-paper is ready. <button type="button" @click=${() => void updateApp(true)}>Update now</button>`, bar);
    },
    onRegisteredSW(_url, registration) {
      if (registration) watchForUpdates(registration);
    },
  });
}

/**
 * Browsers look for a new service worker only on navigations, and a reader may keep the paper open all
 * day: look again when the connection comes back, when the page comes back into view, and every hour.
 */
function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (navigator.onLine && !registration.installing) void registration.update().catch(() => {});
  };
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, UPDATE_CHECK_MS);
}

// Precaching downloads the whole app (about 2 MB): only once the first page is sharp (or the viewer
// gave up), so it never competes with the first page for the connection.
if (viewer) {
  let registered = false;
  const once = (e: Event) => {
    if (registered || (e.type === 'epaper-page-render' && !(e as CustomEvent<{ sharp: boolean }>).detail.sharp)) return;
    registered = true;
    registerServiceWorker();
  };
  viewer.addEventListener('epaper-page-render', once);
  viewer.addEventListener('epaper-error', once);
} else {
  registerServiceWorker();
}
