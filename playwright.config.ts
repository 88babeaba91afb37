/**
 * Browser tests of the e-paper viewer (`npm run test:browser`): Playwright
 * against a production build served by `vite preview` with the test editions
 * (see tests/e2e/serve.ts), in headless Chromium found by scripts/chromium.ts.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

// Another port lets two runs share a machine.
const PORT = Number(process.env.EPAPER_TEST_PORT ?? 4179);
const { executablePath } = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e',
  // Two workers suit a small CI machine; pdf.js rendering is CPU-bound.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    // The site's service worker would answer requests that tests route or count; the tests of the
    // offline app shell allow it (tests/e2e/offline-app.e2e.ts).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx tsx tests/e2e/serve.ts ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
