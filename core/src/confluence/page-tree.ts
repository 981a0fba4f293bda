/**
 * The spec as a Confluence page tree. A page's body is written in one of Confluence's two
 * representations (ADF JSON or storage-format XHTML); in between, every codec speaks the same
 * small block model, so the template's layout is written once (layout.ts) and each
 * representation only converts blocks.
 */

/** One page: `parent` is the title of its parent page, null for the root. */
export interface PageNode<Body> {
  title: string;
  parent: string | null;
  body: Body;
}

export type PageTree<Body> = PageNode<Body>[];

/**
 * Text (optionally in a code mark), a status lozenge, or instructional text: guidance that
 * Confluence shows in the editor only and that is never read back as content.
 */
export type Inline =
  | { kind: 'text'; text: string; code?: boolean }
  | { kind: 'status'; text: string; color: StatusColor }
  | { kind: 'placeholder'; text: string };

export type StatusColor = 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green';

/** A table cell: its paragraphs, each a run of inlines. `span` is set when a cell spans several columns or rows. */
export interface Cell {
  paragraphs: Inline[][];
  header?: boolean;
  span?: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'table'; rows: Cell[][] };

/** A page in the block model. */
export type BlockPage = PageNode<Block[]>;

/** A place in a page tree: the page's title, and the heading or table row on it. */
export interface PageLocation {
  page: string;
  at?: string;
}

/** Where a page departs from the template: the page, and the heading or table row. */
export interface PageFinding extends PageLocation {
  message: string;
}

/**
 * How deep a page body may nest elements (lists in lists, panels, layouts, tags in tags) for
 * the readers to follow: far more than any template page or hand edit needs, and few enough
 * that the readers' walks stay shallow. What lies deeper is not read, and a finding says so.
 */
export const MAX_PAGE_NESTING = 100;

export const PAGE_TOO_DEEP = `the page nests more than ${MAX_PAGE_NESTING} levels deep (lists, panels, layouts or tags inside each other); what lies deeper is not read, so flatten that part of the page`;

/** The text of a run of inlines. */
export function inlineText(content: Inline[]): string {
  return content.map((item) => item.text).join('');
}
