import { isAbsolute, relative } from 'node:path';

/**
 * Bad input: names the file, the line and the field, and says what to do.
 * The build stops on the first one and leaves its output untouched.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(
      `${file}${line !== undefined ? `:${line}` : ''}${field ? ` (${field})` : ''}: ${problem}${hint ? `\n  hint: ${hint}` : ''}`,
    );
  }
}

/**
 * How a file is named in messages: relative to the working folder when it
 * is inside it, as given otherwise.
 */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** 1-based line of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
