import type { Inline, StatusColor } from './page-tree.js';
import { writeJson } from '../load/json-writer.js';

/** The spec statuses and their lozenge colours. */
const STATUS_COLORS: Record<string, StatusColor> = { draft: 'neutral', review: 'blue', approved: 'green' };

/**
 * How a value is written into a cell or paragraph so that it reads back exactly.
 * Plain text is written only where reading it back gives the same value; anything else
 * (numbers, booleans, null, objects, empty or multi-line text, text with edge spaces) is
 * JSON in a code mark. A person may type plain text; a code mark means "this is JSON".
 */
export type ValueKind = 'text' | 'bool' | 'list' | 'any' | 'status';

/** Text that survives being a paragraph or cell: not empty, no edge spaces, no line breaks or no-break spaces. */
export function isPlainText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value === value.trim() && !/[\u0000-\u001f\u007f\u00a0\u2028\u2029\ufffe\uffff]|\p{Surrogate}/u.test(value);
}

/**
 * JSON for a code mark. JSON.stringify escapes control characters and lone surrogates but leaves
 * U+FFFE and U+FFFF as they are, and XML 1.0 (the storage format) cannot hold those two: they are
 * written as `\ufffe` and `\uffff` escapes (only ever inside a JSON string), so every codec reads
 * them back exactly. `writeJson`, since a value the JSON loader accepts may nest deeper than
 * JSON.stringify can write.
 */
const toCodeJson = (value: unknown): string => (writeJson(value) ?? 'null').replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

function code(value: unknown): Inline[] {
  return [{ kind: 'text', text: toCodeJson(value), code: true }];
}

const plain = (text: string): Inline[] => [{ kind: 'text', text }];

/** The inlines for a value; undefined (absent) is an empty cell. */
export function encodeValue(value: unknown, kind: ValueKind): Inline[] {
  if (value === undefined) return [];
  switch (kind) {
    case 'status':
      // A status lozenge for the statuses of the format; anything else exactly, as JSON.
      return typeof value === 'string' && Object.hasOwn(STATUS_COLORS, value) ? [{ kind: 'status', text: value, color: STATUS_COLORS[value]! }] : code(value);
    case 'bool':
      if (value === true) return plain('yes');
      if (value === false) return plain('no');
      return code(value);
    case 'list':
      if (Array.isArray(value) && value.length > 0 && value.every((item) => isPlainText(item) && !item.includes(','))) return plain(value.join(', '));
      return code(value);
    default:
      return isPlainText(value) ? plain(value) : code(value);
  }
}

export type Decoded = { ok: true; value: unknown } | { ok: false; message: string; value?: undefined };

/**
 * Reads what `encodeValue` wrote, and what people type: an empty cell is absent, a cell that is
 * all code is JSON (or, when it is not JSON, its text), anything else is text.
 */
export function decodeValue(all: Inline[], kind: ValueKind): Decoded {
  const content = all.filter((item) => item.kind !== 'placeholder');
  const parts = content.filter((item) => item.text.replace(/[\s\u00a0]/g, '') !== '' || item.kind === 'status');
  if (parts.length === 0) return { ok: true, value: undefined };
  if (parts.every((item) => item.kind === 'text' && item.code)) {
    const json = parts.map((item) => item.text).join('').trim();
    try {
      return { ok: true, value: JSON.parse(json) };
    } catch {
      return { ok: true, value: json };
    }
  }
  const text = content.map((item) => item.text).join('').replace(/\u00a0/g, ' ').trim();
  switch (kind) {
    case 'status':
      // People type a status lozenge in capitals (Confluence shows them so).
      return { ok: true, value: /^(draft|review|approved)$/i.test(text) ? text.toLowerCase() : text };
    case 'bool': {
      const lower = text.toLowerCase();
      if (lower === 'yes' || lower === 'true') return { ok: true, value: true };
      if (lower === 'no' || lower === 'false') return { ok: true, value: false };
      return { ok: false, message: `"${text}" is not yes or no` };
    }
    case 'list':
      return { ok: true, value: text.split(',').map((item) => item.trim()).filter((item) => item !== '') };
    default:
      return { ok: true, value: text };
  }
}

/** Paragraph text (a summary, a story): one paragraph per line when every line is plain, else JSON in code. */
export function encodeParagraphs(value: unknown): Inline[][] {
  if (value === undefined) return [];
  if (typeof value === 'string' && value.split('\n').every(isPlainText)) return value.split('\n').map(plain);
  return [code(value)];
}

/** Reads paragraphs back: empty paragraphs (Confluence adds them) are skipped, the rest joined by line breaks. */
export function decodeParagraphs(paragraphs: Inline[][]): unknown {
  const filled = paragraphs.filter((content) => decodeValue(content, 'text').value !== undefined);
  if (filled.length === 0) return undefined;
  if (filled.length === 1) return decodeValue(filled[0]!, 'any').value;
  return filled.map((content) => content.map((item) => item.text).join('').replace(/\u00a0/g, ' ').trim()).join('\n');
}
