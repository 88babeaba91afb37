#!/usr/bin/env node
// The `epaper` command. In a checkout (with src/) it runs the TypeScript
// through tsx, so it never runs a stale compiled copy; an installed package
// runs the compiled build in lib/ (`npm run compile`).
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('../src/build/build.ts', import.meta.url));
const compiled = new URL('../lib/scripts/epaper.js', import.meta.url);
if (!checkout && existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../scripts/epaper.ts');
}
