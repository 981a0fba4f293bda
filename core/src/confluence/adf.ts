import type { Block, Cell, Inline, StatusColor } from './page-tree.js';

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
 * Reads an ADF document into blocks. What the editor adds is read through: local ids, marks,
 * mentions, emoji, hard breaks, panels and expands (their content is read in place), and
 * extension wrappers. Anything else that holds no text is skipped; text it holds is kept.
 */
export function adfToBlocks(doc: unknown): { blocks: Block[]; problems: string[] } {
  const blocks: Block[] = [];
  const problems: string[] = [];
  if (!isNode(doc) || doc.type !== 'doc') {
    problems.push('the page body is not an ADF document (an object with "type": "doc")');
    return { blocks, problems };
  }
  readBlocks(kids(doc), blocks, problems);
  return { blocks, problems };
}

function readBlocks(nodes: unknown[], out: Block[], problems: string[]): void {
  for (const node of nodes) {
    if (!isNode(node)) continue;
    switch (node.type) {
      case 'heading': {
        const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
        out.push({ kind: 'heading', level, text: readInlines(kids(node)).map((item) => item.text).join('').replace(/\u00a0/g, ' ').trim() });
        break;
      }
      case 'paragraph':
        out.push({ kind: 'paragraph', content: readInlines(kids(node)) });
        break;
      case 'table':
        out.push({ kind: 'table', rows: readRows(kids(node)) });
        break;
      case 'codeBlock':
        out.push({ kind: 'paragraph', content: [{ kind: 'text', text: readInlines(kids(node)).map((item) => item.text).join(''), code: true }] });
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
        readBlocks(kids(node), out, problems);
        break;
      case 'rule':
      case 'extension':
      case 'mediaSingle':
      case 'mediaGroup':
        break;
      default:
        if (Array.isArray(node.content)) readBlocks(node.content, out, problems);
        else problems.push(`a "${node.type}" block is not part of the template and is skipped`);
    }
  }
}

function readRows(rows: unknown[]): Cell[][] {
  return rows.filter(isNode).map((row) =>
    kids(row).filter(isNode).map((cell) => {
      const paragraphs: Inline[][] = [];
      collectParagraphs(kids(cell), paragraphs);
      const colspan = Number(cell.attrs?.colspan ?? 1);
      const rowspan = Number(cell.attrs?.rowspan ?? 1);
      const out: Cell = { paragraphs };
      if (cell.type === 'tableHeader') out.header = true;
      if (colspan > 1 || rowspan > 1) out.span = true;
      return out;
    }),
  );
}

function collectParagraphs(nodes: unknown[], out: Inline[][]): void {
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (node.type === 'paragraph' || node.type === 'heading') out.push(readInlines(kids(node)));
    else if (node.type === 'codeBlock') out.push([{ kind: 'text', text: readInlines(kids(node)).map((item) => item.text).join(''), code: true }]);
    else if (Array.isArray(node.content)) collectParagraphs(node.content, out);
  }
}

function readInlines(nodes: unknown[]): Inline[] {
  const out: Inline[] = [];
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
        out.push({ kind: 'status', text: String(node.attrs?.text ?? ''), color: (node.attrs?.color as StatusColor) ?? 'neutral' });
        break;
      case 'hardBreak':
        out.push({ kind: 'text', text: '\n' });
        break;
      case 'mention':
        out.push({ kind: 'text', text: String(node.attrs?.text ?? '') });
        break;
      case 'emoji':
        out.push({ kind: 'text', text: String(node.attrs?.text ?? node.attrs?.shortName ?? '') });
        break;
      case 'inlineCard':
        out.push({ kind: 'text', text: String(node.attrs?.url ?? '') });
        break;
      case 'date':
      {
        const time = new Date(Number(node.attrs?.timestamp));
        out.push({ kind: 'text', text: Number.isNaN(time.getTime()) ? '' : time.toISOString().slice(0, 10) });
      }
        break;
      default:
        if (Array.isArray(node.content)) out.push(...readInlines(node.content));
    }
  }
  return out;
}

/** A node's children; content that is not a list (a hand-made body) has none. */
function kids(node: AdfNode): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as AdfNode).type === 'string';
}
