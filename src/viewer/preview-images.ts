/**
 * Where the viewer's `<img>`s get a page's preview image when it is not
 * simply the image's URL: fetched with the host's request headers
 * (`FetchedImages`) or read from the saved copy (`SavedImages`). Both answer
 * at once and never wait: a `blob:` URL once the image is at hand,
 * `undefined` while it is on its way (and the viewer is told to render again
 * when it arrives), or the image's own URL when they cannot help, so the
 * `<img>` behaves as it would have and the viewer falls back to pdf.js.
 */
export interface PreviewImages {
  url(src: string): string | undefined;
  /** Stops what is on its way and gives the `blob:` URLs' memory back. */
  dispose(): void;
}
