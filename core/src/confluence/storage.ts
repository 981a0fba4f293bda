import { escapeXml } from '../format/xml.js';
import { PAGE_TOO_DEEP, type Block, type Cell, type Inline, type StatusColor } from './page-tree.js';
import { parseStorage, type XmlElement, type XmlNode } from './storage-xml.js';

const STORAGE_COLOURS: Record<StatusColor, string> = { neutral: 'Grey', purple: 'Purple', blue: 'Blue', red: 'Red', yellow: 'Yellow', green: 'Green' };

/** Blocks as Confluence storage format (XHTML; the status lozenge is the `status` macro). */
export function blocksToStorage(blocks: Block[]): string {
  return blocks.map(blockToStorage).join('');
}

function blockToStorage(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeXml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlinesToStorage(block.content)}</p>`;
    case 'table':
      return `<table><tbody>${block.rows.map((row) => `<tr>${row.map(cellToStorage).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

function cellToStorage(cell: Cell): string {
  const tag = cell.header ? 'th' : 'td';
  const paragraphs = cell.paragraphs.length ? cell.paragraphs : [[]];
  return `<${tag}>${paragraphs.map((content) => `<p>${inlinesToStorage(content)}</p>`).join('')}</${tag}>`;
}

function inlinesToStorage(content: Inline[]): string {
  return content
    .map((item) => {
      if (item.kind === 'status') {
        return `<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">${STORAGE_COLOURS[item.color]}</ac:parameter><ac:parameter ac:name="title">${escapeXml(item.text)}</ac:parameter></ac:structured-macro>`;
      }
      if (item.kind === 'placeholder') return `<ac:placeholder>${escapeXml(item.text)}</ac:placeholder>`;
      return item.code ? `<code>${escapeXml(item.text)}</code>` : escapeXml(item.text);
    })
    .join('');
}

// ---- reading ------------------------------------------------------------------------------

const HEADING = /^h([1-6])$/;
/** Elements whose content is read in place: lists, layouts, panels and other containers. */
const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'li', 'blockquote', 'tbody', 'thead', 'tfoot', 'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'ac:rich-text-body', 'ac:adf-fallback', 'span']);

/**
 * Reads storage format into blocks, tolerant of what Confluence writes: local ids and other
 * attributes, `colgroup`, `<p>` (or none) inside cells, `&nbsp;`, empty paragraphs, marks,
 * mentions, status and panel macros, `ac:adf-extension` wrappers (read once, from the fallback).
 */
export function storageToBlocks(body: unknown): { blocks: Block[]; problems: string[] } {
  if (typeof body !== 'string') return { blocks: [], problems: ['the page body is not storage format (a string of XHTML)'] };
  const blocks: Block[] = [];
  const problems: string[] = [];
  const { root, tooDeep } = parseStorage(body);
  if (tooDeep) problems.push(PAGE_TOO_DEEP);
  readBlocks(root.children, blocks, problems);
  return { blocks, problems };
}

function readBlocks(nodes: XmlNode[], out: Block[], problems: string[]): void {
  let loose: XmlNode[] = [];
  const flush = () => {
    const content = readInlines(loose);
    if (content.some((item) => item.kind === 'status' || item.text.trim() !== '')) out.push({ kind: 'paragraph', content });
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || isInline(node)) {
      loose.push(node);
      continue;
    }
    flush();
    const heading = HEADING.exec(node.name);
    if (heading) out.push({ kind: 'heading', level: Number(heading[1]), text: readInlines(node.children).map((item) => item.text).join('').replace(/\u00a0/g, ' ').trim() });
    else if (node.name === 'p') out.push({ kind: 'paragraph', content: readInlines(node.children) });
    else if (node.name === 'table') out.push({ kind: 'table', rows: readRows(node) });
    else if (node.name === 'pre') out.push({ kind: 'paragraph', content: [{ kind: 'text', text: textOf(node), code: true }] });
    else if (node.name === 'ac:structured-macro' && node.attrs['ac:name'] === 'code') out.push({ kind: 'paragraph', content: [{ kind: 'text', text: textOf(child(node, 'ac:plain-text-body') ?? node), code: true }] });
    else if (node.name === 'ac:structured-macro') readBlocks(child(node, 'ac:rich-text-body')?.children ?? [], out, problems);
    else if (node.name === 'ac:adf-extension') readBlocks(child(node, 'ac:adf-fallback')?.children ?? [], out, problems);
    else if (CONTAINERS.has(node.name)) readBlocks(node.children, out, problems);
    else if (node.name === 'hr' || node.name === 'ac:image' || node.name === 'colgroup' || node.name === 'ac:placeholder') continue;
    else if (textOf(node).trim() !== '') readBlocks(node.children, out, problems);
  }
  flush();
}

const INLINE = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'code', 'span', 'a', 'br', 'ac:link', 'ac:emoticon', 'time', 'ac:inline-comment-marker', 'font', 'small', 'big', 'ri:user']);

function isInline(node: XmlElement): boolean {
  return INLINE.has(node.name) || (node.name === 'ac:structured-macro' && node.attrs['ac:name'] === 'status');
}

function readRows(table: XmlElement): Cell[][] {
  const rows: XmlElement[] = [];
  const collect = (element: XmlElement) => {
    for (const node of element.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'tr') rows.push(node);
      else if (node.name === 'tbody' || node.name === 'thead' || node.name === 'tfoot') collect(node);
    }
  };
  collect(table);
  return rows.map((row) =>
    row.children
      .filter((node): node is XmlElement => typeof node !== 'string' && (node.name === 'td' || node.name === 'th'))
      .map((cell) => {
        const blocks: Block[] = [];
        readBlocks(cell.children, blocks, []);
        const paragraphs = blocks.map((block) => (block.kind === 'paragraph' ? block.content : block.kind === 'heading' ? [{ kind: 'text' as const, text: block.text }] : []));
        const out: Cell = { paragraphs };
        if (cell.name === 'th') out.header = true;
        if (Number(cell.attrs.colspan ?? 1) > 1 || Number(cell.attrs.rowspan ?? 1) > 1) out.span = true;
        return out;
      }),
  );
}

function readInlines(nodes: XmlNode[], code = false): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(code ? { kind: 'text', text: node, code } : { kind: 'text', text: node });
      continue;
    }
    if (node.name === 'br') out.push({ kind: 'text', text: '\n' });
    else if (node.name === 'ac:structured-macro' && node.attrs['ac:name'] === 'status') {
      const title = parameter(node, 'title') ?? '';
      const colour = (parameter(node, 'colour') ?? 'Grey').toLowerCase();
      const color = (Object.entries(STORAGE_COLOURS).find(([, name]) => name.toLowerCase() === colour)?.[0] ?? 'neutral') as StatusColor;
      out.push({ kind: 'status', text: title, color });
    } else if (node.name === 'ac:emoticon') out.push({ kind: 'text', text: node.attrs['ac:emoji-fallback'] ?? '' });
    else if (node.name === 'ac:structured-macro' || node.name === 'ac:placeholder' || node.name === 'ac:image') continue;
    else for (const inline of readInlines(node.children, code || node.name === 'code')) out.push(inline); // no spread: an element may hold more inlines than a call takes arguments
  }
  return out;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

function parameter(macro: XmlElement, name: string): string | undefined {
  const found = macro.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === 'ac:parameter' && node.attrs['ac:name'] === name);
  return found ? textOf(found) : undefined;
}

function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
