// Small, strict readers of the report formats, so tests check structure, not substrings.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './examples.js';

// ---- XML (JUnit) ------------------------------------------------------------------------------

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const XML_CHAR = /^[\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = '[A-Za-z_][\\w.-]*';

/** Decodes the five predefined entities and character references; throws on anything else. */
export function decodeXmlText(raw: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in XML text: ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" in XML text: ${JSON.stringify(raw)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const m = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity ${all}`);
    return String.fromCodePoint(m[1] ? parseInt(m[1], 16) : Number(m[2]));
  });
}

/**
 * Parses a whole XML document of elements, attributes and text (no DTD, CDATA or processing
 * instructions but the declaration), throwing on anything that is not well-formed.
 */
export function parseXml(xml: string): XmlElement {
  if (!XML_CHAR.test(xml)) throw new Error('a character XML 1.0 cannot hold');
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/, '');
  if (rest === xml) throw new Error('no XML declaration');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`);
  const attribute = new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g');
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text) {
      const top = stack[stack.length - 1]!;
      if (top === root && text.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(text)}`);
      top.text += decodeXmlText(text);
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (!m) throw new Error(`malformed tag at ${JSON.stringify(rest.slice(0, 40))}`);
    const [all, close, name, attrs, selfClose] = m;
    rest = rest.slice(all.length);
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name || attrs || selfClose) throw new Error(`</${name}> does not close <${open?.name}>`);
      continue;
    }
    const element: XmlElement = { name: name!, attributes: {}, children: [], text: '' };
    for (const [, key, value] of attrs!.matchAll(attribute)) {
      if (key! in element.attributes) throw new Error(`attribute ${key} twice on <${name}>`);
      element.attributes[key!] = decodeXmlText(value!);
    }
    const parent = stack[stack.length - 1]!;
    if (parent === root && root.children.length > 0) throw new Error('two root elements');
    parent.children.push(element);
    if (!selfClose) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

/** Every element under (and including) `element` with this name, in document order. */
export function xmlElements(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => xmlElements(c, name))];
}

// ---- Markdown tables --------------------------------------------------------------------------

/**
 * Splits a GFM table row into raw cells the way GFM does: at every pipe that no backslash
 * directly precedes (`\\|` does not split either; GFM looks at one character only).
 */
export function markdownRowCells(row: string): string[] {
  if (!row.startsWith('| ') || !row.endsWith(' |')) throw new Error(`not a table row: ${row}`);
  const inner = row.slice(1, -1);
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '|' && inner[i - 1] !== '\\') {
      cells.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(inner.slice(start));
  return cells.map((c) => c.replace(/^ | $/g, ''));
}

/**
 * What a cell shows: GFM first turns every `\\|` into `|`; then a code span is literal (one
 * padding space each side stripped when both are there), and text has its backslash escapes
 * and entities undone.
 */
export function markdownCellText(cell: string): string {
  const unpiped = cell.replace(/\\\|/g, '|');
  const code = /^(`+)(.*)\1$/s.exec(unpiped);
  if (code && !new RegExp(`(^|[^\`])${code[1]}([^\`]|$)`).test(code[2]!)) {
    const content = code[2]!;
    return content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '' ? content.slice(1, -1) : content;
  }
  return unpiped
    .replace(/\\([\\!-\/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

// ---- GitHub workflow commands -----------------------------------------------------------------

export interface GithubAnnotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Reads one `::command key=value,…::message` line the way the Actions runner does. */
export function parseGithubAnnotation(line: string): GithubAnnotation {
  const m = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  if (/[\r\n]/.test(line)) throw new Error(`raw line break in ${JSON.stringify(line)}`);
  const properties: Record<string, string> = {};
  for (const pair of m[2]!.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`bad property ${pair}`);
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1]!, properties, message: unescapeData(m[3]!) };
}

// ---- SARIF ------------------------------------------------------------------------------------

type Validate = ((log: unknown) => boolean) & { errors?: unknown };
let sarifValidator: Validate | undefined;

/** Validates against the official SARIF 2.1.0 schema (draft-04) shipped in @microsoft/jest-sarif. */
export function validateSarif(log: unknown): { valid: boolean; errors: unknown } {
  if (!sarifValidator) {
    const schema = JSON.parse(readFileSync(`${repoRoot}node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json`, 'utf8'));
    // CommonJS packages: their `default` export is the class and the plugin.
    // The schema's language pattern has a stray `]` that a `u`-flag RegExp rejects.
    const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    sarifValidator = ajv.compile(schema) as Validate;
  }
  const validate = sarifValidator;
  const valid = validate(log);
  return { valid, errors: validate.errors ?? null };
}
