/**
 * Compiles the `hyphen` package's pattern data into `src/build/patterns/`
 * (see `CompiledPatterns`), one module per language of `PATTERN_SOURCES`.
 * Run it after updating `hyphen`; a test fails until then.
 *
 * Usage: `npm run patterns`
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { compilePatterns, PATTERN_SOURCES, patternsModule, type PatternData } from '../src/build/liang.js';

const require = createRequire(import.meta.url);
const OUT = resolve(import.meta.dirname, '..', 'src', 'build', 'patterns');
const version = (require('hyphen/package.json') as { version: string }).version;

for (const [language, source] of Object.entries(PATTERN_SOURCES)) {
  const file = join(OUT, `${language.toLowerCase()}.ts`);
  await writeFile(file, patternsModule(compilePatterns(require(source) as PatternData), source, version));
  console.log(`wrote ${file}`);
}
