#!/usr/bin/env -S node --min-semi-space-size=16 --initial-old-space-size=128 --no-turbo-inlining --no-turbo-loop-peeling
// The `epaper` command, with four settings of V8 for a job that runs a second
// or two from a cold start (measured on the benchmark edition, medians of
// paired runs, `npm run bench:build`):
// - A 16 MB young generation (V8's starts at 1 MB and grows). A build
//   allocates about 200 MB, most of it short-lived, and with the small
//   default every scavenge copies the edition's long-lived data (galleys,
//   shaped words) again: 28 scavenges become 16, and the build takes 9 % less.
// - A 128 MB old generation to start with. What a build keeps (galleys,
//   pages, PDF objects) grows the old generation to 40–60 MB, past V8's first
//   limit, and V8 then marked and compacted the whole heap once mid-build
//   (about 20 ms on the main thread, and marking threads that took the
//   optimising compiler's core). Memory is committed as it is used: the peak
//   stays 143 MB either way.
// - No inlining in TurboFan, V8's optimising compiler. It compiles on a
//   background thread, and a cold build gave it about 1.2 s of work
//   (`--trace-opt`), more than the build lasts: the hot functions waited in
//   its queue, running unoptimised. Without inlining it compiles a third
//   less, they are optimised sooner, and the build takes 4–13 % less (three
//   series of 10–24 pairs). A build with page previews (seconds of pdf.js)
//   takes the same time either way.
// - No loop peeling in TurboFan either. Peeling copies a loop's first
//   iteration out of the loop; with loops inside loops the copies multiply,
//   and the line breaker took 85 ms of the compiler's time, the build's
//   compiles 600 ms in all. Without it they take a sixth less, and the build
//   6–8 % less (two series of 16 pairs); with page previews, the same.
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
