/**
 * The standalone site as an installable app that opens with no network: the
 * Vite plugins that emit the manifest's icons and generate the service
 * worker (Workbox, through vite-plugin-pwa). Used by `vite.config.ts` for the
 * site build only; the embeddable element brings no service worker.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const ICONS = resolve(import.meta.dirname, 'app-icons');
const ICON_SIZES = [192, 512] as const;

/** Copies the PNG icons into the build as `icons/icon-<size>.png` (before the service worker lists the files). */
function appIcons(): Plugin {
  return {
    name: 'epaper:app-icons',
    apply: 'build',
    async generateBundle() {
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: await readFile(resolve(ICONS, `icon-${size}.png`)) });
      }
    },
  };
}

export function appShell(): PluginOption[] {
  return [
    appIcons(),
    VitePWA({
      // A new version waits until the reader chooses to update (see site.ts): never swapped mid-edition.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'e-paper',
        short_name: 'e-paper',
        description: "Today's paper, page by page.",
        start_url: './',
        display: 'standalone',
        background_color: '#dcd9d2',
        theme_color: '#0b5cad',
        icons: ICON_SIZES.map((size) => ({ src: `icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' })),
      },
      includeManifestIcons: false,
      workbox: {
        // `mjs` for the pdf.js worker: without it, pdf.js offline falls back to a "fake worker" and fails.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff,woff2,webmanifest}'],
        // Editions are saved by the reader (src/offline/), not precached with the app.
        globIgnores: ['editions/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/editions\//],
        // The pdf.js worker is about 1.3 MB; leave room for it to grow.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ];
}
