import type { Finding } from '../model/finding.js';
import { PAGE_CODECS, markdownCodec, parseSpecPageTree, type PageCodec } from '../confluence/codecs.js';
import { emptyPagePlaces } from '../confluence/read-pages.js';
import { formatForFile, loadSource, type SourceFormat } from '../load/load-source.js';
import { parentPointer } from '../model/pointer.js';
import type { SpecIndex } from '../model/spec-index.js';
import type { SpecRepresentation, UnreadableSpecReport } from './report.js';

/** Where a finding is, in the terms of its source: a line and column, or a page and heading. */
export type SourceLocation = Pick<Finding, 'line' | 'column' | 'page' | 'heading'>;

/**
 * A spec read from one source, before it is checked: the document, how to place a JSON Pointer
 * in the source, and the findings reading itself produced (a page off the template).
 */
export interface SpecReading {
  ok: true;
  format: SpecRepresentation;
  file?: string;
  document: Record<string, unknown>;
  locate(pointer: string): SourceLocation | undefined;
  readingFindings(index: SpecIndex): Finding[];
}

export interface TextOptions {
  /** The file name, kept on the report and its findings; it also tells the format (`.json` is JSON). */
  file?: string;
  /** `yaml` or `json`; by default told from `file`, else YAML. */
  format?: SourceFormat;
}

export function readSpecText(text: string, options: TextOptions = {}): SpecReading | UnreadableSpecReport {
  const format = options.format ?? (options.file !== undefined ? formatForFile(options.file) : 'yaml');
  const file = options.file !== undefined ? { file: options.file } : {};
  const loaded = loadSource(text, format);
  if (!loaded.ok) {
    const error: UnreadableSpecReport['error'] = { message: loaded.message };
    if (loaded.line !== undefined) error.line = loaded.line;
    if (loaded.column !== undefined) error.column = loaded.column;
    return { ok: false, format, ...file, error };
  }
  return {
    ok: true,
    format,
    ...file,
    document: loaded.value,
    locate: (pointer) => {
      const position = loaded.locate(pointer);
      return position && { line: position.line, column: position.column };
    },
    readingFindings: () => [],
  };
}

/** A page codec, or the name of one: `adf` (atlas_doc_format), `storage` (XHTML) or `markdown`. */
export type PageCodecChoice = PageCodec<unknown> | 'adf' | 'storage' | 'markdown';

export interface PageTreeOptions {
  /** A name for the tree (a page id or URL, say), kept on the report and its findings. */
  file?: string;
}

/**
 * A page tree (`[{title, parent, body}]`) read with one codec. A page that departs from the
 * template becomes an ordinary finding: rule `spec-schema` (the document does not fit the format),
 * about the element being read there, with the page and heading or row.
 */
export function readSpecPageTree(pages: unknown, codecChoice: PageCodecChoice, options: PageTreeOptions = {}): SpecReading | UnreadableSpecReport {
  const codec = typeof codecChoice === 'string' ? codecByName(codecChoice) : codecChoice;
  const file = options.file !== undefined ? { file: options.file } : {};
  const places = emptyPagePlaces();
  const read = parseSpecPageTree(pages, codec, places);
  if (read.spec === undefined) {
    const first = read.findings[0];
    const error: UnreadableSpecReport['error'] = { message: first?.message ?? 'the page tree holds no spec' };
    if (first && first.page !== '(none)') error.page = first.page;
    return { ok: false, format: codec.name, ...file, error };
  }
  const locate = (pointer: string): SourceLocation | undefined => {
    for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
      const place = places.elements.get(p);
      if (place) return place.at === undefined ? { page: place.page } : { page: place.page, heading: place.at };
    }
    return undefined;
  };
  return {
    ok: true,
    format: codec.name,
    ...file,
    document: read.spec,
    locate,
    readingFindings: (index) =>
      read.findings.map((pageFinding) => {
        const pointer = places.findings.get(pageFinding) ?? '';
        const element = nearestElement(index, pointer);
        const finding: Finding = { rule: 'spec-schema', severity: 'error', message: pageFinding.message, id: element.id, path: element.path, page: pageFinding.page };
        if (pageFinding.at !== undefined) finding.heading = pageFinding.at;
        return finding;
      }),
  };
}

function codecByName(name: 'adf' | 'storage' | 'markdown'): PageCodec<unknown> {
  if (name === 'markdown') return markdownCodec as PageCodec<unknown>;
  const codec = PAGE_CODECS[name] as PageCodec<unknown> | undefined;
  if (!codec) throw new TypeError(`unknown page codec "${String(name)}": use adf, storage or markdown`);
  return codec;
}

/** The element at a pointer, or the nearest one above it (the spec itself at worst). */
function nearestElement(index: SpecIndex, pointer: string): { id: string; path: string } {
  for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
    const element = index.byPath.get(p);
    if (element) return element;
  }
  return index.root;
}
