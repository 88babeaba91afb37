/**
 * A search hit as the panels list it — where it is, the headline, and the
 * snippet with the searched words marked — for the search panel (this
 * edition) and the Saved editions panel (every saved edition). Text reaches
 * the page only through Lit's templates.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Hit } from './search.js';

/** `hit` as a button labelled with `place` ("Page A3", "Nov. 9, page 2"); `choose` runs when pressed. */
export function hitButton(hit: Hit, place: string, choose: () => void): TemplateResult {
  return html`<button type="button" @click=${choose}>
    <span class="hit-page">${place}</span>
    <span class="hit-headline">${hit.headline}</span>
    ${hit.snippet.length
      ? html`<span class="hit-snippet">${hit.clippedStart ? '…' : ''}${hit.snippet.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text))}${hit.clippedEnd ? '…' : ''}</span>`
      : nothing}
  </button>`;
}

/** "1 story found", "3 stories found"; empty before anything is searched for. */
export function hitCount(query: string, hits: readonly Hit[]): string {
  return query.trim() ? `${hits.length} ${hits.length === 1 ? 'story' : 'stories'} found` : '';
}
