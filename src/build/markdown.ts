import MarkdownIt from 'markdown-it';
import type { Block, Run, RunStyle } from '../manifest/types.js';

export { blocksText } from '../manifest/text.js';
import { SourceError } from './errors.js';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

// Typographer turns straight quotes and -- into curly quotes and dashes.
// HTML parsing is on only so that HTML arrives as tokens we refuse (with it
// off, markdown-it passes tags through as text and they would be printed).
const md = new MarkdownIt('commonmark', { typographer: true, html: true }).enable(['replacements', 'smartquotes']);

type InlineState = Parameters<Parameters<typeof md.inline.ruler.at>[1]>[0];

/** The characters where markdown-it's `text` rule stops: any may begin other inline syntax. */
const TEXT_STOP = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/g;

/**
 * markdown-it's `text` rule (plain text up to the next character that may
 * begin other syntax), finding that character with a regular expression,
 * which V8 runs in native code. The rule it replaces calls a function for
 * every character, and in a cold build that loop ran mostly unoptimised: it
 * was the largest single cost of reading an edition. A test checks that
 * the tokens are markdown-it's own.
 */
function text(state: InlineState, silent: boolean): boolean {
  TEXT_STOP.lastIndex = state.pos;
  const stop = TEXT_STOP.exec(state.src);
  const end = stop && stop.index < state.posMax ? stop.index : state.posMax;
  if (end === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}
md.inline.ruler.at('text', text);

/** markdown-it's tokens for an article body, with the options and rules above. */
export function markdownTokens(body: string): Token[] {
  return md.parse(body, {});
}

/**
 * Parses an article body into the manifest's blocks: paragraphs with
 * emphasis runs, subheads, block quotes and lists. Anything else (HTML,
 * images, tables, code) is refused with the line it is on, so no markup can
 * reach a reader's page. `firstLine` is the body's first line in its file.
 */
export function markdownToBlocks(body: string, file: string, firstLine: number): Block[] {
  const tokens = markdownTokens(body);
  const blocks: Block[] = [];
  let inQuote = 0;
  let list: { ordered: boolean; items: Run[][] } | null = null;
  const lineOf = (token: Token) => (token.map ? token.map[0] + firstLine : firstLine);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        blocks.push({ kind: 'subhead', text: inlineRuns(inline, file, lineOf(token)).map((r) => r.text).join('') });
        i += 2;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        const runs = inlineRuns(inline, file, lineOf(token));
        i += 2;
        if (runs.length === 0) break;
        if (list) list.items[list.items.length - 1]!.push(...(list.items[list.items.length - 1]!.length ? [{ text: ' ', style: 'plain' as const }] : []), ...runs);
        else blocks.push(inQuote > 0 ? { kind: 'quote', runs } : { kind: 'paragraph', runs });
        break;
      }
      case 'blockquote_open':
        inQuote++;
        break;
      case 'blockquote_close':
        inQuote--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (list) throw new SourceError(file, lineOf(token), 'body', 'nested lists are not supported', 'use one level of list');
        list = { ordered: token.type === 'ordered_list_open', items: [] };
        break;
      case 'list_item_open':
        list?.items.push([]);
        break;
      case 'list_item_close':
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
        list = null;
        break;
      case 'hr':
        break;
      default:
        throw new SourceError(file, lineOf(token), 'body', `${describe(token)} is not allowed in an article body`, 'use paragraphs, ## subheads, > quotes, lists, *emphasis* and **strong**');
    }
  }
  return blocks;
}

function describe(token: Token): string {
  if (token.type === 'html_block' || token.type === 'html_inline') return 'HTML';
  if (token.type === 'fence' || token.type === 'code_block') return 'a code block';
  return `"${token.type.replace(/_open$/, '')}"`;
}

/** Runs of white space longer than one space, and tabs and line breaks. */
const SPACES = /[ \t\n]{2,}|[\t\n]/g;

function inlineRuns(inline: Token, file: string, line: number): Run[] {
  const runs: Run[] = [];
  let em = 0;
  let strong = 0;
  const push = (text: string) => {
    if (text === '') return;
    const style: RunStyle = strong && em ? 'strong-em' : strong ? 'strong' : em ? 'em' : 'plain';
    const last = runs[runs.length - 1];
    if (last && last.style === style) runs[runs.length - 1] = { text: last.text + text, style };
    else runs.push({ text, style });
  };
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        push(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push(' ');
        break;
      case 'em_open':
        em++;
        break;
      case 'em_close':
        em--;
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong--;
        break;
      case 'link_open':
      case 'link_close':
        break; // the link text stays; print has no hyperlinks in body text
      case 'image':
        throw new SourceError(file, line, 'body', 'images are not allowed in the body', 'give the article one photo with the `image` field');
      default:
        throw new SourceError(file, line, 'body', `${describe(child)} is not allowed in an article body`);
    }
  }
  // Collapse white space the way a browser would. Only what is not already
  // a single space is replaced: a pattern that also matches every single
  // space rebuilt each paragraph word by word.
  return runs
    .map((run): Run => ({ text: run.text.replace(SPACES, ' '), style: run.style }))
    .filter((run, i, all) => !(i === all.length - 1 && run.text.trim() === ''));
}
