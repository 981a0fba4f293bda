import { adfToBlocks, blocksToAdf, type AdfNode } from './adf.js';
import type { Block, BlockPage, PageFinding, PageTree } from './page-tree.js';
import { readSpecPages, type PagePlaces, type ReadPagesResult } from './read-pages.js';
import { renderSpecPages, renderTemplatePages } from './render-pages.js';
import { blocksToMarkdown, markdownToBlocks } from './markdown.js';
import { blocksToStorage, storageToBlocks } from './storage.js';

/** One Confluence representation of a page body: blocks in, body out, and back. */
export interface PageCodec<Body> {
  name: 'adf' | 'storage' | 'markdown';
  render(blocks: Block[]): Body;
  read(body: unknown): { blocks: Block[]; problems: string[] };
}

export const adfCodec: PageCodec<AdfNode> = { name: 'adf', render: blocksToAdf, read: adfToBlocks };
export const storageCodec: PageCodec<string> = { name: 'storage', render: blocksToStorage, read: storageToBlocks };

/** Markdown: not a Confluence representation, but the same blocks; one page is one `#` section of a file. */
export const markdownCodec: PageCodec<string> = { name: 'markdown', render: blocksToMarkdown, read: markdownToBlocks };

export const PAGE_CODECS = { adf: adfCodec, storage: storageCodec } as const;
export type PageFormat = keyof typeof PAGE_CODECS;

/** Renders a spec document to the template's page tree in one representation. */
export function renderSpecToPageTree<Body>(spec: Record<string, unknown>, codec: PageCodec<Body>): PageTree<Body> {
  return renderSpecPages(spec).map((page) => ({ title: page.title, parent: page.parent, body: codec.render(page.body) }));
}

/** The blank template (with guidance as instructional text) in one representation. */
export function renderTemplatePageTree<Body>(codec: PageCodec<Body>): PageTree<Body> {
  return renderTemplatePages().map((page) => ({ title: page.title, parent: page.parent, body: codec.render(page.body) }));
}

/**
 * Reads a page tree (`[{title, parent, body}]`) back to a spec document. Never throws: a tree of
 * the wrong shape, a body in another representation or a page off the template gives findings.
 * `places`, when given, is filled with where each element and finding is (see `PagePlaces`).
 */
export function parseSpecPageTree(tree: unknown, codec: PageCodec<unknown>, places?: PagePlaces): ReadPagesResult {
  const findings: PageFinding[] = [];
  if (!Array.isArray(tree)) return { spec: undefined, findings: [{ page: '(none)', message: 'a page tree is a JSON array of pages [{title, parent, body}]' }] };
  const pages: BlockPage[] = [];
  tree.forEach((page: unknown, index) => {
    const node = page as { title?: unknown; parent?: unknown; body?: unknown } | null;
    if (typeof node !== 'object' || node === null || typeof node.title !== 'string' || !(node.parent === null || typeof node.parent === 'string')) {
      findings.push({ page: `(page ${index + 1})`, message: 'a page must be an object with a string "title", a "parent" (a title, or null for the root) and a "body"; it is skipped' });
      return;
    }
    try {
      const { blocks, problems } = codec.read(node.body);
      for (const problem of problems) findings.push({ page: node.title, message: problem });
      pages.push({ title: node.title, parent: node.parent, body: blocks });
    } catch (error) {
      findings.push({ page: node.title, message: `the body could not be read as ${codec.name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  try {
    const result = readSpecPages(pages, places);
    return { spec: result.spec, findings: boundFindings([...findings, ...result.findings], places) };
  } catch (error) {
    return { spec: undefined, findings: [...findings, { page: pages[0]?.title ?? '(none)', message: `the pages could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/**
 * Findings listed per page; past that, one finding counts the rest. A real page departs from
 * the template in a handful of places; a page with a million unknown columns should not give a
 * million findings (and the page's completeness is the same with a hundred of them).
 */
export const MAX_FINDINGS_PER_PAGE = 100;

function boundFindings(findings: PageFinding[], places: PagePlaces | undefined): PageFinding[] {
  const listed = new Map<string, PageFinding[]>();
  const unlisted = new Map<string, number>();
  const out: PageFinding[] = [];
  for (const finding of findings) {
    const onPage = listed.get(finding.page) ?? [];
    listed.set(finding.page, onPage);
    if (onPage.length < MAX_FINDINGS_PER_PAGE) {
      onPage.push(finding);
      out.push(finding);
    } else {
      unlisted.set(finding.page, (unlisted.get(finding.page) ?? 0) + 1);
      places?.findings.delete(finding);
    }
  }
  for (const [page, count] of unlisted) {
    const last = listed.get(page)!.at(-1)!;
    const summary: PageFinding = { page, message: `… and ${count.toLocaleString('en')} more ${count === 1 ? 'place' : 'places'} where this page departs from the template; only the first ${MAX_FINDINGS_PER_PAGE} are listed` };
    const pointer = places?.findings.get(last);
    if (pointer !== undefined) places!.findings.set(summary, pointer);
    out.push(summary);
  }
  return out;
}

/** Which representation a page tree's bodies are in: ADF objects or storage strings. */
export function detectPageFormat(tree: unknown): PageFormat | undefined {
  if (!Array.isArray(tree) || tree.length === 0) return undefined;
  const bodies = tree.map((page) => (typeof page === 'object' && page !== null ? (page as { body?: unknown }).body : undefined));
  if (bodies.every((body) => typeof body === 'string')) return 'storage';
  if (bodies.every((body) => typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'doc')) return 'adf';
  return undefined;
}
