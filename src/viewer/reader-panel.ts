/**
 * The article as text, in a modal dialog: headline, deck, byline, body with
 * its emphasis and subheads, the writer's bio. The reader can change the text
 * size, switch light and dark, step to the previous or next article, listen
 * (the browser's speech synthesis) and copy a link. Esc closes it and focus
 * returns to what opened it.
 *
 * Everything here comes from the manifest and reaches the page only through
 * Lit templates: no HTML is ever parsed from the edition.
 *
 * @fires reader-close - The dialog closed (not composed: internal to the viewer).
 * @fires reader-step - `detail` is `-1` or `1`: show the previous or next article (internal).
 * @csspart dialog - The dialog element.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleProps } from './style-props.js';
import type { Article, Block, Run } from '../manifest/types.js';
import { readerStyles } from './reader-panel.styles.js';
import { bodyText } from './search.js';

/** Text sizes the A−/A+ buttons step through, as multiples of the base size. */
const TEXT_SIZES = [0.875, 1, 1.125, 1.25, 1.5, 1.75] as const;

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

function runs(items: readonly Run[]): TemplateResult[] {
  return items.map((run) => {
    switch (run.style) {
      case 'em':
        return html`<em>${run.text}</em>`;
      case 'strong':
        return html`<strong>${run.text}</strong>`;
      case 'strong-em':
        return html`<strong><em>${run.text}</em></strong>`;
      default:
        return html`${run.text}`;
    }
  });
}

function block(b: Block): TemplateResult | typeof nothing {
  switch (b.kind) {
    case 'paragraph':
      return html`<p>${runs(b.runs)}</p>`;
    case 'subhead':
      return html`<h3>${b.text}</h3>`;
    case 'quote':
      return html`<blockquote><p>${runs(b.runs)}</p></blockquote>`;
    case 'list':
      return b.ordered
        ? html`<ol>${b.items.map((item) => html`<li>${runs(item)}</li>`)}</ol>`
        : html`<ul>${b.items.map((item) => html`<li>${runs(item)}</li>`)}</ul>`;
    default:
      return nothing;
  }
}

@customElement('epaper-reader-panel')
export class EpaperReaderPanel extends LitElement {
  static override styles = readerStyles;

  /** The article shown; `null` closes the dialog. */
  @property({ attribute: false }) article: Article | null = null;
  /** BCP 47 language of the text, for speech and hyphenation. */
  @property() language = 'en';
  @property({ type: Boolean, attribute: 'has-previous' }) hasPrevious = false;
  @property({ type: Boolean, attribute: 'has-next' }) hasNext = false;
  /** "Article 3 of 7", shown between the arrows. */
  @property() position = '';
  /** A link to the article, or empty to hide "Copy link". */
  @property() link = '';

  @state() private textSize = 1;
  @state() private theme: Theme = 'auto';
  @state() private speaking = false;
  @state() private notice = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('article')) return;
    if (changed.get('article') !== undefined) this.#stopSpeaking();
    this.notice = '';
    if (this.article && !this.dialog.open) this.dialog.showModal();
    if (this.article) {
      this.renderRoot.querySelector('article')?.scrollTo?.(0, 0);
      this.renderRoot.querySelector<HTMLElement>('#headline')?.focus();
    }
    if (!this.article && this.dialog.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSpeaking();
  }

  protected override render() {
    const a = this.article;
    const dark = this.theme === 'dark';
    return html`
      <dialog part="dialog" aria-labelledby="headline" class=${`theme-${this.theme}`} @close=${this.#onClose} @click=${this.#onBackdrop}>
        ${a
          ? html`
              <div class="bar">
                <div class="group">
                  <button type="button" aria-label="Previous article" ?disabled=${!this.hasPrevious} @click=${() => this.#step(-1)}>
                    <span aria-hidden="true">‹</span>
                  </button>
                  <span class="position">${this.position}</span>
                  <button type="button" aria-label="Next article" ?disabled=${!this.hasNext} @click=${() => this.#step(1)}>
                    <span aria-hidden="true">›</span>
                  </button>
                </div>
                <div class="group tools">
                  <button type="button" aria-label="Smaller text" ?disabled=${this.textSize <= TEXT_SIZES[0]} @click=${() => this.#resize(-1)}>
                    <span aria-hidden="true" class="small-a">A</span>−
                  </button>
                  <button type="button" aria-label="Larger text" ?disabled=${this.textSize >= TEXT_SIZES[TEXT_SIZES.length - 1]!} @click=${() => this.#resize(1)}>
                    <span aria-hidden="true">A</span>+
                  </button>
                  <button type="button" aria-pressed=${dark ? 'true' : 'false'} @click=${this.#toggleTheme}>Dark</button>
                  ${'speechSynthesis' in globalThis
                    ? html`<button type="button" aria-pressed=${this.speaking ? 'true' : 'false'} @click=${this.#toggleSpeech}>
                        ${this.speaking ? 'Stop' : 'Listen'}
                      </button>`
                    : nothing}
                  ${this.link ? html`<button type="button" @click=${this.#copyLink}>Copy link</button>` : nothing}
                </div>
                <button type="button" class="close" aria-label="Close article" @click=${() => this.dialog.close()}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
              <article tabindex="0" aria-labelledby="headline" lang=${this.language} style=${styleProps({ '--reader-text-size': String(this.textSize) })}>
                <header>
                  ${a.kicker ? html`<p class="kicker">${a.kicker}</p>` : nothing}
                  <h2 id="headline" tabindex="-1">${a.headline}</h2>
                  ${a.deck ? html`<p class="deck">${a.deck}</p>` : nothing}
                  ${a.byline ? html`<p class="byline">${a.byline}</p>` : nothing}
                  <p class="meta">${a.readingMinutes} min read · ${a.words} words</p>
                </header>
                ${a.image ? html`<p class="caption">${a.image.caption} <span class="credit">${a.image.credit}</span></p>` : nothing}
                ${a.body.map(block)}
                ${a.bio ? html`<p class="bio">${a.bio}</p>` : nothing}
              </article>
              <p class="notice" role="status">${this.notice}</p>
            `
          : nothing}
      </dialog>
    `;
  }

  #onClose(): void {
    this.#stopSpeaking();
    this.dispatchEvent(new Event('reader-close'));
  }

  /** A click on the backdrop (outside the dialog's box) closes it. */
  #onBackdrop(e: MouseEvent): void {
    if (e.target !== this.dialog) return;
    const r = this.dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) this.dialog.close();
  }

  #step(direction: -1 | 1): void {
    this.dispatchEvent(new CustomEvent<number>('reader-step', { detail: direction }));
  }

  #resize(direction: -1 | 1): void {
    const i = TEXT_SIZES.indexOf(this.textSize as (typeof TEXT_SIZES)[number]);
    this.textSize = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, i + direction))]!;
  }

  #toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
  }

  #toggleSpeech(): void {
    if (this.speaking) {
      this.#stopSpeaking();
      return;
    }
    const a = this.article;
    if (!a) return;
    // One utterance per block: some engines stop long utterances part-way.
    const parts = [a.headline, a.deck, a.byline, ...a.body.map((b) => bodyText({ ...a, body: [b], image: undefined }))].filter(
      (text): text is string => Boolean(text),
    );
    speechSynthesis.cancel();
    parts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = this.language;
      if (i === parts.length - 1) utterance.onend = () => (this.speaking = false);
      utterance.onerror = () => (this.speaking = false);
      speechSynthesis.speak(utterance);
    });
    this.speaking = true;
  }

  #stopSpeaking(): void {
    if (this.speaking && 'speechSynthesis' in globalThis) speechSynthesis.cancel();
    this.speaking = false;
  }

  async #copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
      this.notice = 'Link copied.';
    } catch {
      this.notice = `Copy this link: ${this.link}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'epaper-reader-panel': EpaperReaderPanel;
  }
}
