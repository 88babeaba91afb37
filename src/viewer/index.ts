/**
 * The e-paper viewer: importing this module defines `<epaper-viewer>` (and the
 * `<epaper-reader-panel>` it uses).
 *
 * It is the entry of the element's library build (`dist/embed/epaper-viewer.js`)
 * and so the package's main export: `import { EpaperViewer } from 'epaper'`.
 * Its declarations (`lib/src/viewer/index.d.ts`) add the element to
 * `HTMLElementTagNameMap` and its events to `GlobalEventHandlersEventMap`.
 */
export { EpaperViewer } from './epaper-viewer.js';
export type {
  ArticleOpenDetail,
  EditionLoadDetail,
  EpaperEventMap,
  ErrorCode,
  ErrorDetail,
  ErrorScope,
  PageChangeDetail,
  PageRenderDetail,
  PageViewDetail,
} from './events.js';
export type { View } from './spreads.js';
