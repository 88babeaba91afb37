#!/usr/bin/env -S node --min-semi-space-size=16
// The `epaper` command. Node starts with a 16 MB young generation (V8's
// default starts at 1 MB and grows): a build allocates about 200 MB, most of
// it short-lived, and with the small default every scavenge copies the
// edition's long-lived data (galleys, shaped words) again. Measured on the
// benchmark edition: 28 scavenges become 16, and the build takes 9 % less
// time (median of paired runs, `npm run bench:build`).
//
// In a checkout (with src/) it runs the TypeScript through tsx, so it never
// runs a stale compiled copy; an installed package runs the compiled build in
// lib/ (`npm run compile`).
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
