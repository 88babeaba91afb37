/**
 * The "Saved editions" side panel: save the open edition for offline reading
 * (with its progress), search every saved edition (offline too: the saved
 * manifests hold the stories' text), the saved editions with their front
 * page, size and date saved, pin and delete, storage used and quota, and the storage
 * settings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CatalogEntry, EditionManifest, IsoDate, Page } from '../manifest/types.js';
import type { OfflineController } from './offline-controller.js';
import type { EditionHit } from './search.js';
import { hitButton, hitCount } from './search-hits.js';
import { styleProps } from './style-props.js';

/** Choices for "keep the newest N editions"; 0 keeps all. */
const KEEP_CHOICES = [0, 1, 3, 7, 14] as const;

export interface LibraryContext {
  readonly offline: OfflineController;
  readonly catalogUrl: string;
  /** The catalog entry of the edition on screen, when it is in the catalog. */
  readonly current: CatalogEntry | undefined;
  /** The manifest of the edition on screen: a save starts downloading its files at once. */
  readonly manifest?: EditionManifest;
  readonly dateLabel: (date: IsoDate) => string;
  readonly open: (date: IsoDate) => void;
  /** Opens the edition of a hit at its page, with the story highlighted. */
  readonly openHit: (hit: EditionHit) => void;
}

export function libraryPanel(c: LibraryContext): TemplateResult {
  const { offline } = c;
  const saved = [...offline.saved.values()];
  const used = saved.reduce((sum, e) => sum + e.bytes, 0);
  return html`
    <div class="library">
      ${c.current ? currentEdition(c, c.current) : nothing}
      ${offline.error ? html`<p class="library-error" role="alert">${offline.error.message}</p>` : nothing}
      <h3>On this device</h3>
      ${saved.length === 0 ? nothing : savedSearch(c)}
      ${saved.length === 0
        ? html`<p>No edition is saved yet.</p>`
        : html`<ul class="saved">
            ${saved.map(
              (e) => html`<li data-date=${e.date}>
                ${coverImage(offline.coverUrl(e), e.manifest.pages[0])}
                <button type="button" class="saved-open" @click=${() => c.open(e.date)}>${c.dateLabel(e.date)}</button>
                <span class="saved-meta">${formatBytes(e.bytes)} · saved ${new Date(e.savedAt).toLocaleString()}</span>
                <label class="saved-pin"
                  ><input type="checkbox" .checked=${e.pinned} @change=${(ev: Event) => void offline.pin(e.date, (ev.target as HTMLInputElement).checked)} /> Pinned</label
                >
                <button type="button" class="saved-delete" aria-label=${`Delete the saved edition of ${c.dateLabel(e.date)}`} @click=${() => void offline.remove(e.date)}>Delete</button>
              </li>`,
            )}
          </ul>`}
      <p class="storage">${storageLine(offline, used)}</p>
      ${offline.storage.persisted
        ? html`<p>Saved editions are kept even when the device runs low on space.</p>`
        : html`<button type="button" @click=${() => void offline.persist()}>Keep saved editions when space runs low</button>`}
      <label class="setting"
        >Keep the newest
        <select
          @change=${(ev: Event) => void offline.updateSettings({ keepNewest: Number((ev.target as HTMLSelectElement).value) })}
        >
          ${KEEP_CHOICES.map((n) => html`<option value=${n} ?selected=${offline.settings.keepNewest === n}>${n === 0 ? 'all editions' : `${n} ${n === 1 ? 'edition' : 'editions'}`}</option>`)}
        </select></label
      >
      <label class="setting"
        ><input type="checkbox" .checked=${offline.settings.autoSave} @change=${(ev: Event) => void offline.updateSettings({ autoSave: (ev.target as HTMLInputElement).checked })} />
        Save the newest edition automatically</label
      >
    </div>
  `;
}

/** The saved edition's front page, small: a reader finds a day's paper by its front page. */
function coverImage(url: string | undefined, front: Page | undefined): TemplateResult {
  const ratio = front ? `${front.width} / ${front.height}` : '1 / 1.4';
  return url
    ? html`<img class="saved-cover" alt="" src=${url} style=${styleProps({ 'aspect-ratio': ratio })} />`
    : html`<span class="saved-cover" style=${styleProps({ 'aspect-ratio': ratio })}></span>`;
}

/** Search over every saved edition: hits name the edition's date and the page. */
function savedSearch(c: LibraryContext): TemplateResult {
  const { offline } = c;
  const hits = offline.hits();
  const pageLabel = (hit: EditionHit) => offline.saved.get(hit.date)?.manifest.pages[hit.page - 1]?.label ?? String(hit.page);
  return html`
    <form
      class="search saved-search"
      role="search"
      @submit=${(e: Event) => {
        e.preventDefault();
        const first = hits[0];
        if (first) c.openHit(first);
      }}
    >
      <input type="search" aria-label="Search saved editions" placeholder="Search saved editions" .value=${offline.query} @input=${(e: Event) => offline.search((e.target as HTMLInputElement).value)} />
    </form>
    ${offline.query.trim()
      ? html`<p class="hit-count" role="status">${hitCount(offline.query, hits)}</p>
          <ul class="hits saved-hits">
            ${hits.map((hit) => html`<li data-date=${hit.date}>${hitButton(hit, `${c.dateLabel(hit.date)}, page ${pageLabel(hit)}`, () => c.openHit(hit))}</li>`)}
          </ul>`
      : nothing}
  `;
}

function currentEdition(c: LibraryContext, entry: CatalogEntry): TemplateResult {
  const progress = c.offline.progress.get(entry.date);
  const saved = c.offline.saved.get(entry.date);
  const name = c.dateLabel(entry.date);
  if (progress) {
    return html`<div class="saving">
      <label>Saving ${name}… <progress max=${progress.total || 1} .value=${progress.loaded}></progress></label>
      <span class="save-progress">${formatBytes(progress.loaded)} of ${progress.total ? formatBytes(progress.total) : '…'}</span>
    </div>`;
  }
  if (saved && saved.entry.sha256 === entry.sha256) return html`<p class="saved-note">${name} is saved for offline reading.</p>`;
  return html`<button type="button" class="save" @click=${() => void c.offline.save(c.catalogUrl, entry, c.manifest?.date === entry.date ? c.manifest : undefined)}>Save ${name} for offline</button>`;
}

function storageLine(offline: OfflineController, used: number): string {
  const { usage, quota } = offline.storage;
  const mine = `Saved editions use ${formatBytes(used)}.`;
  return usage !== undefined && quota ? `${mine} This site uses ${formatBytes(usage)} of ${formatBytes(quota)} available.` : mine;
}

/** `bytes` for people: "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}
