/**
 * Preview images for a server that wants request headers: an `<img>` cannot
 * send headers (only cookies), so each image is fetched with them and shown
 * through a `blob:` URL (hence `img-src blob:` in the CSP).
 *
 * `url()` answers at once: the `blob:` URL once the image has arrived, and
 * `undefined` while it is on its way (the host re-renders on `onReady`). An
 * image that could not be fetched answers with its own URL, so the `<img>`
 * fails as it would have and the viewer falls back to pdf.js.
 */
import { type RequestPolicy } from './loader.js';
import type { PreviewImages } from './preview-images.js';

export class FetchedImages implements PreviewImages {
  readonly #policy: RequestPolicy;
  readonly #onReady: () => void;
  /** By image URL: its `blob:` URL, its own URL after a failure, or `null` while fetching. */
  readonly #urls = new Map<string, string | null>();
  readonly #abort = new AbortController();

  constructor(policy: RequestPolicy, onReady: () => void) {
    this.#policy = policy;
    this.#onReady = onReady;
  }

  url(src: string): string | undefined {
    const known = this.#urls.get(src);
    if (known !== undefined) return known ?? undefined;
    this.#urls.set(src, null);
    void this.#fetch(src);
    return undefined;
  }

  /** Stops fetches and gives the `blob:` URLs' memory back. */
  dispose(): void {
    this.#abort.abort();
    for (const url of this.#urls.values()) if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  async #fetch(src: string): Promise<void> {
    let url = src;
    try {
      const response = await fetch(src, { credentials: this.#policy.credentials, headers: this.#policy.headers, signal: this.#abort.signal });
      if (response.ok) url = URL.createObjectURL(await response.blob());
    } catch {
      // Left as `src`: the <img> reports the failure.
    }
    if (this.#abort.signal.aborted) {
      if (url !== src) URL.revokeObjectURL(url);
      return;
    }
    this.#urls.set(src, url);
    this.#onReady();
  }
}
