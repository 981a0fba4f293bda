import { MAX_PAGE_NESTING, PAGE_TOO_DEEP, type Block, type Cell, type Inline, type StatusColor } from './page-tree.js';

/** An ADF node (atlas_doc_format): plain JSON. */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
  version?: number;
}

/** Blocks as an ADF document (valid against Atlassian's published ADF JSON schema). */
export function blocksToAdf(blocks: Block[]): AdfNode {
  return { type: 'doc', version: 1, content: blocks.map(blockToAdf) };
}

function blockToAdf(block: Block): AdfNode {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, content: inlinesToAdf([{ kind: 'text', text: block.text }]) };
    case 'paragraph':
      return { type: 'paragraph', content: inlinesToAdf(block.content) };
    case 'table':
      return {
        type: 'table',
        attrs: { isNumberColumnEnabled: false, layout: 'default' },
        content: block.rows.map((row) => ({
          type: 'tableRow',
          content: row.map((cell) => ({
            type: cell.header ? 'tableHeader' : 'tableCell',
            attrs: {},
            content: (cell.paragraphs.length ? cell.paragraphs : [[]]).map((content) => ({ type: 'paragraph', content: inlinesToAdf(content) })),
          })),
        })),
      };
  }
}

function inlinesToAdf(content: Inline[]): AdfNode[] {
  return content
    .filter((item) => item.text !== '')
    .map((item) =>
      item.kind === 'status'
        ? { type: 'status', attrs: { text: item.text, color: item.color } }
        : item.kind === 'placeholder'
          ? { type: 'placeholder', attrs: { text: item.text } }
          : item.code
          ? { type: 'text', text: item.text, marks: [{ type: 'code' }] }
          : { type: 'text', text: item.text },
    );
}

// ---- reading ------------------------------------------------------------------------------

/**
 * What a reading of one document shares: its problems, and whether it has met a node nested
 * deeper than MAX_PAGE_NESTING (each walk below counts its depth and goes no deeper, so a
 * hostile document — or an in-memory one that contains itself — cannot exhaust the stack).
 */
interface Reading {
  problems: string[];
  tooDeep: boolean;
}

/** True (and noted once) when a walk has reached a node deeper than the page may nest. */
function beyondDepth(reading: Reading, depth: number): boolean {
  if (depth <= MAX_PAGE_NESTING) return false;
  if (!reading.tooDeep) reading.problems.push(PAGE_TOO_DEEP);
  reading.tooDeep = true;
  return true;
}

/**
 * Reads an ADF document into blocks. What the editor adds is read through: local ids, marks,
 * mentions, emoji, hard breaks, panels and expands (their content is read in place), and
 * extension wrappers. Anything else that holds no text is skipped; text it holds is kept.
 */
export function adfToBlocks(doc: unknown): { blocks: Block[]; problems: string[] } {
  const blocks: Block[] = [];
  const reading: Reading = { problems: [], tooDeep: false };
  if (!isNode(doc) || doc.type !== 'doc') {
    reading.problems.push('the page body is not an ADF document (an object with "type": "doc")');
    return { blocks, problems: reading.problems };
  }
  readBlocks(kids(doc), blocks, reading, 1);
  return { blocks, problems: reading.problems };
}

function readBlocks(nodes: unknown[], out: Block[], reading: Reading, depth: number): void {
  if (beyondDepth(reading, depth)) return;
  for (const node of nodes) {
    if (!isNode(node)) continue;
    switch (node.type) {
      case 'heading': {
        const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
        out.push({ kind: 'heading', level, text: readInlines(kids(node), reading, depth + 1).map((item) => item.text).join('').replace(/\u00a0/g, ' ').trim() });
        break;
      }
      case 'paragraph':
        out.push({ kind: 'paragraph', content: readInlines(kids(node), reading, depth + 1) });
        break;
      case 'table':
        out.push({ kind: 'table', rows: readRows(kids(node), reading, depth + 1) });
        break;
      case 'codeBlock':
        out.push({ kind: 'paragraph', content: [{ kind: 'text', text: readInlines(kids(node), reading, depth + 1).map((item) => item.text).join(''), code: true }] });
        break;
      case 'bulletList':
      case 'orderedList':
      case 'listItem':
      case 'panel':
      case 'expand':
      case 'nestedExpand':
      case 'layoutSection':
      case 'layoutColumn':
      case 'bodiedExtension':
      case 'blockquote':
        readBlocks(kids(node), out, reading, depth + 1);
        break;
      case 'rule':
      case 'extension':
      case 'mediaSingle':
      case 'mediaGroup':
        break;
      default:
        if (Array.isArray(node.content)) readBlocks(node.content, out, reading, depth + 1);
        else reading.problems.push(`a "${node.type}" block is not part of the template and is skipped`);
    }
  }
}

function readRows(rows: unknown[], reading: Reading, depth: number): Cell[][] {
  if (beyondDepth(reading, depth + 1)) return [];
  return rows.filter(isNode).map((row) =>
    kids(row).filter(isNode).map((cell) => {
      const paragraphs: Inline[][] = [];
      collectParagraphs(kids(cell), paragraphs, reading, depth + 2);
      const colspan = numberOf(cell.attrs?.colspan ?? 1);
      const rowspan = numberOf(cell.attrs?.rowspan ?? 1);
      const out: Cell = { paragraphs };
      if (cell.type === 'tableHeader') out.header = true;
      if (colspan > 1 || rowspan > 1) out.span = true;
      return out;
    }),
  );
}

function collectParagraphs(nodes: unknown[], out: Inline[][], reading: Reading, depth: number): void {
  if (beyondDepth(reading, depth)) return;
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (node.type === 'paragraph' || node.type === 'heading') out.push(readInlines(kids(node), reading, depth + 1));
    else if (node.type === 'codeBlock') out.push([{ kind: 'text', text: readInlines(kids(node), reading, depth + 1).map((item) => item.text).join(''), code: true }]);
    else if (Array.isArray(node.content)) collectParagraphs(node.content, out, reading, depth + 1);
  }
}

function readInlines(nodes: unknown[], reading: Reading, depth: number, out: Inline[] = []): Inline[] {
  if (beyondDepth(reading, depth)) return out;
  for (const node of nodes) {
    if (!isNode(node)) continue;
    switch (node.type) {
      case 'text': {
        const code = Array.isArray(node.marks) && node.marks.some((mark) => mark?.type === 'code');
        const text = typeof node.text === 'string' ? node.text : '';
        out.push(code ? { kind: 'text', text, code } : { kind: 'text', text });
        break;
      }
      case 'status':
        out.push({ kind: 'status', text: textOf(node.attrs?.text), color: (node.attrs?.color as StatusColor) ?? 'neutral' });
        break;
      case 'hardBreak':
        out.push({ kind: 'text', text: '\n' });
        break;
      case 'mention':
        out.push({ kind: 'text', text: textOf(node.attrs?.text) });
        break;
      case 'emoji':
        out.push({ kind: 'text', text: textOf(node.attrs?.text ?? node.attrs?.shortName) });
        break;
      case 'inlineCard':
        out.push({ kind: 'text', text: textOf(node.attrs?.url) });
        break;
      case 'date':
      {
        const time = new Date(numberOf(node.attrs?.timestamp));
        out.push({ kind: 'text', text: Number.isNaN(time.getTime()) ? '' : time.toISOString().slice(0, 10) });
      }
        break;
      default:
        // Into the same list: an inline node may hold more items than a call takes arguments.
        if (Array.isArray(node.content)) readInlines(node.content, reading, depth + 1, out);
    }
  }
  return out;
}

/**
 * An attribute as text. Only a string, number or boolean is text: String() of an object calls
 * its toString, which a hand-made body may have replaced (`{"toString": 1}` throws).
 */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** An attribute as a number (NaN when it is none), without calling an object's own methods. */
function numberOf(value: unknown): number {
  return typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
}

/** A node's children; content that is not a list (a hand-made body) has none. */
function kids(node: AdfNode): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as AdfNode).type === 'string';
}
