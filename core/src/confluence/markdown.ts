import type { Block, Cell, Inline } from './page-tree.js';
import { decodeEntities } from './storage-xml.js';

/**
 * The template's blocks as Markdown (CommonMark with GFM tables): headings, paragraphs, pipe
 * tables, code spans for JSON values. A status lozenge is its text; guidance is an HTML comment.
 * The reader is the writer's inverse and tolerates what people do to such files (soft-wrapped
 * paragraphs, unpadded or aligned tables, blank lines).
 */
export function blocksToMarkdown(blocks: Block[]): string {
  return blocks.map(blockToMarkdown).join('\n\n') + (blocks.length ? '\n' : '');
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeText(block.text, true)}`;
    case 'paragraph':
      return block.content.length === 0 ? '<!-- -->' : inlinesToMarkdown(block.content, true);
    case 'table': {
      const [header = [], ...rows] = block.rows;
      const line = (row: Cell[]) => `| ${row.map((cell) => cellToMarkdown(cell)).join(' | ')} |`;
      return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
    }
  }
}

function cellToMarkdown(cell: Cell): string {
  return cell.paragraphs.map((content) => inlinesToMarkdown(content, false, true)).join('<br>');
}

/** In a table cell a pipe ends the cell, even in a code span: there it is written `\|` (GFM). */
function inlinesToMarkdown(content: Inline[], lineStart: boolean, inCell = false): string {
  return content
    .map((item, index) => {
      if (item.kind === 'placeholder') return `<!-- ${item.text.replace(/--/g, '- -')} -->`;
      if (item.kind === 'text' && item.code) return inCell ? codeSpan(item.text).replace(/\|/g, '\\|') : codeSpan(item.text);
      return escapeText(item.text, lineStart && index === 0);
    })
    .join('');
}

function codeSpan(text: string): string {
  let longest = 0; // a loop, not Math.max(...runs): a value may hold more runs than a call takes arguments
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Backslash-escapes what Markdown would read as markup (every ASCII punctuation may be escaped). */
function escapeText(text: string, lineStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`);
  if (lineStart) out = out.replace(/^([#+\-=>!]|\d+(?=[.)]))/, (c) => (/^\d/.test(c) ? c + '\\' : `\\${c}`)).replace(/^(\d+)\\([.)])/, '$1\\$2');
  return out;
}

// ---- reading ------------------------------------------------------------------------------

export function markdownToBlocks(body: unknown): { blocks: Block[]; problems: string[] } {
  if (typeof body !== 'string') return { blocks: [], problems: ['the page body is not Markdown (a string)'] };
  const blocks: Block[] = [];
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', content: readInlines(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      const text = withoutClosingHashes(trimSpacesAndTabs(heading[2] ?? ''));
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: readInlines(text).map((item) => item.text).join('').trim() });
    } else if (/^ {0,3}\|/.test(line)) {
      flush();
      const rows: Cell[][] = [];
      for (; i < lines.length && /^ {0,3}\|/.test(lines[i]!); i++) {
        if (/^ {0,3}\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?\s*)?$/.test(lines[i]!)) continue;
        rows.push(splitRow(lines[i]!).map((text) => ({ paragraphs: splitBreaks(text).map(readInlines) })));
      }
      i--;
      if (rows[0]) rows[0] = rows[0].map((cell) => ({ ...cell, header: true }));
      blocks.push({ kind: 'table', rows });
    } else paragraph.push(line.trim());
  }
  flush();
  return { blocks, problems: [] };
}

/**
 * An ATX heading: `#`… then spaces and the text. The text's trailing spaces are trimmed by hand:
 * a lazy `(.*?)[ \t]*$` retries the spaces after every character (quadratic on a long line).
 */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;

const isSpaceOrTab = (c: string | undefined) => c === ' ' || c === '\t';

export function trimSpacesAndTabs(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text[end - 1])) end--;
  return text.slice(0, end);
}

/** A heading's optional closing sequence: spaces, then `#`s to the end (`# Title ##`). */
function withoutClosingHashes(text: string): string {
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === text.length || hashes === 0 || !isSpaceOrTab(text[hashes - 1])) return text;
  return trimSpacesAndTabs(text.slice(0, hashes));
}

/** The cells of a pipe-table row: split at unescaped `|`; `\|` is a pipe inside a cell. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const text = line.trim().replace(/^\|/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[i + 1] === '|' ? '|' : c + text[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') cells.push(current.trim());
  return cells;
}

/**
 * Where the code span opened by the backticks at `at` closes: the next run of as many backticks.
 * A search that fails for a fence fails for every longer fence further on, so that is
 * remembered: without it, a line of many unclosed fences is searched to its end from each.
 */
function fenceCloser(text: string): (at: number) => { fence: string; end: number } {
  let failedLength = Infinity;
  return (at) => {
    let length = 1;
    while (text[at + length] === '`') length++;
    const fence = '`'.repeat(length);
    const end = length >= failedLength ? -1 : text.indexOf(fence, at + length);
    if (end < 0) failedLength = Math.min(failedLength, length);
    return { fence, end };
  };
}

/** A cell's paragraphs: split at `<br>`, except inside code spans. */
function splitBreaks(text: string): string[] {
  const parts: string[] = [];
  const closer = fenceCloser(text);
  let start = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '`') {
      const { fence, end } = closer(i);
      i = end < 0 ? i + fence.length : end + fence.length;
    } else {
      const br = /^<br\s*\/?>/i.exec(text.slice(i, i + 8));
      if (br) {
        parts.push(text.slice(start, i));
        i += br[0].length;
        start = i;
      } else i++;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function readInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const closer = fenceCloser(text);
  let plain = '';
  const push = () => {
    if (plain) out.push({ kind: 'text', text: decodeEntities(plain) });
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      // An escaped character is itself, and never starts an entity.
      plain += text[i + 1] === '&' ? '&amp;' : text[i + 1];
      i += 2;
    } else if (c === '`') {
      const { fence, end } = closer(i);
      if (end < 0) {
        plain += fence;
        i += fence.length;
        continue;
      }
      push();
      let code = text.slice(i + fence.length, end);
      if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      out.push({ kind: 'text', text: code, code: true });
      i = end + fence.length;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      push();
      i = end < 0 ? text.length : end + 3;
    } else {
      plain += c === '&' && !/^&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/.test(text.slice(i, i + 12)) ? '&amp;' : c;
      i++;
    }
  }
  push();
  return out;
}
