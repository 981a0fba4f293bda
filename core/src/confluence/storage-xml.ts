import { MAX_PAGE_NESTING } from './page-tree.js';
import { setOwn } from '../model/json.js';

/**
 * A small, tolerant reader for Confluence storage format: XHTML-like markup with `ac:` and `ri:`
 * prefixes and no namespace declarations (so an XML parser would reject it), HTML entities such
 * as `&nbsp;`, CDATA sections in macro bodies. It never throws: a stray `<` is text, an unclosed
 * element ends where its parent does, an unknown entity stays as written. It reads in one pass,
 * and keeps elements to MAX_PAGE_NESTING levels, so the walks over its tree stay shallow.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const VOID = new Set(['br', 'hr', 'col', 'img', 'input', 'meta', 'link', 'area', 'base', 'wbr', 'source']);

const CLOSE = /<\/([A-Za-z][\w:.-]*)\s*>/y;
/**
 * An attribute value never holds a raw `<` (XML writes it `&lt;`): so a tag that does not close
 * is given up at the next `<`, and every character is read by at most one attempt at a tag.
 */
const OPEN = /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([\w:.-]+)(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|([^\s"'<>]+)))?/g;

/**
 * Line breaks in the markup itself are layout, not text (text line breaks are written as &#10;):
 * a run of spaces, tabs and line breaks with a line break or tab in it is one space. Each run is
 * matched once (a pattern that starts with ` *` would rescan a run of spaces from every space).
 */
const layout = (raw: string): string => raw.replace(/[ \t\n\r]+/g, (run) => (/[\t\n\r]/.test(run) ? ' ' : run));

const ENTITIES = new Map<string, string>(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', rarr: '\u2192', larr: '\u2190',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', middot: '\u00b7', bull: '\u2022', euro: '\u20ac', times: '\u00d7',
}));

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(name) ?? whole; // a Map: `&constructor;` is no entity
  });
}

export interface ParsedStorage {
  root: XmlElement;
  /** Elements nested deeper than MAX_PAGE_NESTING were met (and left out, with what they hold). */
  tooDeep: boolean;
}

export function parseStorage(text: string): ParsedStorage {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  /** Elements opened below MAX_PAGE_NESTING and not closed yet: they and their content are skipped. */
  let skipped = 0;
  let tooDeep = false;
  const top = () => stack[stack.length - 1]!;
  const addText = (value: string) => {
    if (value === '' || skipped > 0) return;
    const children = top().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + value;
    else children.push(value);
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(layout(text.slice(i))));
      break;
    }
    addText(decodeEntities(layout(text.slice(i, lt))));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<!', lt) || text.startsWith('<?', lt)) {
      const end = text.indexOf('>', lt);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    CLOSE.lastIndex = lt;
    const close = CLOSE.exec(text);
    if (close) {
      i = lt + close[0].length;
      if (skipped > 0) {
        skipped--; // closes the innermost skipped element, whatever its name
        continue;
      }
      const name = close[1]!.toLowerCase();
      // The stack is at most MAX_PAGE_NESTING deep, so this search is bounded.
      for (let at = stack.length - 1; at > 0; at--) {
        if (stack[at]!.name === name) {
          stack.length = at;
          break;
        }
      }
      continue;
    }
    OPEN.lastIndex = lt;
    const open = OPEN.exec(text);
    if (!open) {
      addText('<');
      i = lt + 1;
      continue;
    }
    i = lt + open[0].length;
    const name = open[1]!.toLowerCase();
    const closes = open[3] === '/' || VOID.has(name);
    if (skipped > 0 || stack.length > MAX_PAGE_NESTING) {
      tooDeep = true;
      if (!closes) skipped++;
      continue;
    }
    const element: XmlElement = { name, attrs: readAttrs(open[2] ?? ''), children: [] };
    top().children.push(element);
    if (!closes) stack.push(element);
  }
  return { root, tooDeep };
}

function readAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    // An attribute named __proto__ is an attribute, not the object's prototype.
    setOwn(attrs, match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}
