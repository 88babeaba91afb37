/**
 * The e-paper viewer: importing this module defines `<epaper-viewer>` (and the
 * `<epaper-reader-panel>` it uses).
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
