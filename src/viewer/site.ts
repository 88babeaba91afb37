/**
 * The standalone e-paper site (`index.html`): the viewer fills the window,
 * deep links are on, and keys pressed before anything has focus go to the
 * viewer, so ←/→ turn pages from the start.
 */
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
