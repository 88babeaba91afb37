#!/usr/bin/env node
// The `epaper` command. Runs the compiled build (`npm run compile` writes
// lib/); in a checkout without it, runs the TypeScript through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../lib/scripts/epaper.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../scripts/epaper.ts');
}
