/** Toolbar icons: 24 × 24 strokes, decorative (every button has its own accessible name). */
import { svg, type SVGTemplateResult } from 'lit';

function icon(path: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;
}

export const icons = {
  previous: icon(svg`<path d="M15 5l-7 7 7 7"/>`),
  next: icon(svg`<path d="M9 5l7 7-7 7"/>`),
  zoomIn: icon(svg`<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21M10.5 7.5v6M7.5 10.5h6"/>`),
  zoomOut: icon(svg`<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21M7.5 10.5h6"/>`),
  fitWidth: icon(svg`<path d="M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4"/>`),
  fitPage: icon(svg`<rect x="6" y="3" width="12" height="18" rx="1"/><path d="M9 8h6M9 12h6M9 16h4"/>`),
  pages: icon(svg`<rect x="3" y="3" width="7" height="9" rx="1"/><rect x="14" y="3" width="7" height="9" rx="1"/><rect x="3" y="15" width="7" height="6" rx="1"/><rect x="14" y="15" width="7" height="6" rx="1"/>`),
  search: icon(svg`<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21"/>`),
  saved: icon(svg`<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
};
