import { defineConfig } from 'vitest/config';

// Node tests: the typesetting core, layout, PDF writer and build, and the
// viewer's pure logic. Real-browser tests run separately (`npm run test:browser`).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/e2e/**', 'tests/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
