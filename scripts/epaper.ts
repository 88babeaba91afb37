#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SourceError, build, check } from '../src/build/index.js';

const HELP = `epaper: build newspaper e-paper editions

Usage:
  epaper build [--in editions] [--out dist/editions] [--date YYYY-MM-DD] [--strict] [--force] [--no-previews]
  epaper check [--in editions] [--date YYYY-MM-DD] [--strict]
  epaper --help

build   lays out every edition folder (editions/YYYY-MM-DD/) as PDF pages and
        writes <out>/index.json, <out>/<date>/edition.json, the PDFs and a
        layout QA report (qa.json). Editions whose inputs did not change are
        skipped. Nothing is written unless every edition succeeds.
check   validates the sources and lays them out, writing nothing.

Options:
  --in DIR       folder with publication.yaml and the edition folders (default: editions)
  --out DIR      output folder (default: dist/editions)
  --date DATE    only this edition
  --strict       fail when the layout QA finds overfull lines, widows, orphans
                 or three hyphenated lines in a row
  --force        rebuild editions even if their inputs did not change
  --no-previews  skip the page preview images (the viewer then waits for pdf.js)
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      in: { type: 'string', default: 'editions' },
      out: { type: 'string', default: 'dist/editions' },
      date: { type: 'string' },
      strict: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'no-previews': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  if (command !== 'build' && command !== 'check') {
    process.stderr.write(`epaper: unknown command "${command}"\n\n${HELP}`);
    return 1;
  }
  const common = {
    input: values.in,
    strict: values.strict,
    log: (line: string) => process.stdout.write(`${line}\n`),
    ...(values.date ? { date: values.date } : {}),
  };
  const result =
    command === 'check'
      ? await check(common)
      : await build({ ...common, out: values.out, force: values.force, previews: !values['no-previews'] });
  if (command === 'check') process.stdout.write(`checked: ${result.built.length} edition(s), ${result.errors} hard-rule finding(s)\n`);
  else process.stdout.write(`built ${result.built.length}, skipped ${result.skipped.length} → ${values.out}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof SourceError) process.stderr.write(`epaper: ${error.message}\n`);
    else process.stderr.write(`epaper: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
