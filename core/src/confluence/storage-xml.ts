/**
 * A small, tolerant reader for Confluence storage format: XHTML-like markup with `ac:` and `ri:`
 * prefixes and no namespace declarations (so an XML parser would reject it), HTML entities such
 * as `&nbsp;`, CDATA sections in macro bodies. It never throws: a stray `<` is text, an unclosed
 * element ends where its parent does, an unknown entity stays as written.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const VOID = new Set(['br', 'hr', 'col', 'img', 'input', 'meta', 'link', 'area', 'base', 'wbr', 'source']);

const CLOSE = /<\/([A-Za-z][\w:.-]*)\s*>/y;
const OPEN = /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/y;

/** Line breaks in the markup itself are layout, not text (text line breaks are written as &#10;). */
const layout = (raw: string): string => raw.replace(/ *[\t\n\r][\t\n\r ]*/g, ' ');

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', rarr: '\u2192', larr: '\u2190',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', middot: '\u00b7', bull: '\u2022', euro: '\u20ac', times: '\u00d7',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

export function parseStorage(text: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const addText = (value: string) => {
    if (value === '') return;
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
      const name = close[1]!.toLowerCase();
      const at = stack.map((element) => element.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      i = lt + close[0].length;
      continue;
    }
    OPEN.lastIndex = lt;
    const open = OPEN.exec(text);
    if (!open) {
      addText('<');
      i = lt + 1;
      continue;
    }
    const element: XmlElement = { name: open[1]!.toLowerCase(), attrs: readAttrs(open[2] ?? ''), children: [] };
    top().children.push(element);
    if (open[3] !== '/' && !VOID.has(element.name)) stack.push(element);
    i = lt + open[0].length;
  }
  return root;
}

function readAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}
