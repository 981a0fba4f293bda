import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkPageTree, renderSpecToPageTree, renderTemplatePageTree, storageCodec } from '@specwright/core';
import { exampleSpec } from '../support/examples.js';
import { PROTO_NAMES, SUITE_TIMEOUT, applyEdits, describeText, edits, expectBlocks, expectFindingShapes, fuzz, hostileText, longRun, oddText } from './hostile.js';

/**
 * Storage-format XHTML strings (storageCodec.read, and page trees through the API's
 * checkPageTree, which reads them with parseSpecPageTree): markup generated from the elements
 * Confluence writes (tables, macros, layouts, marks), with attributes quoted every way or not
 * closed, entities known and unknown (`&constructor;`), CDATA, comments, tags cut off, nesting
 * tens of thousands deep, long runs of spaces and of `<`; and the rendered example with such
 * markup put in anywhere. Each reads to blocks and problems, and each tree to a report.
 * (The example costs milliseconds to check, so most inputs are generated pages or the template.)
 */

const TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'colgroup', 'col', 'div', 'span', 'section', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'strong', 'em', 'br', 'hr', 'a', 'ac:structured-macro', 'ac:parameter', 'ac:rich-text-body', 'ac:plain-text-body', 'ac:adf-extension', 'ac:adf-fallback',
  'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'ac:emoticon', 'ac:placeholder', 'ac:image', 'ri:user', 'ac:link', 'time', 'unknown:thing', ...PROTO_NAMES.filter((name) => /^[A-Za-z]/.test(name)),
];

const attrName = fc.constantFrom('ac:name', 'colspan', 'rowspan', 'ac:emoji-fallback', 'local-id', 'data-layout', '__proto__', 'constructor', 'style');
const attrValue = fc.oneof(fc.constantFrom('status', 'code', 'panel', 'title', 'colour', '2', '0', 'Green'), oddText);
const attribute = fc.tuple(attrName, attrValue, fc.constantFrom('"', "'", '', '"unclosed')).map(([name, value, quote]) =>
  quote === '"unclosed' ? ` ${name}="${value}` : ` ${name}=${quote}${quote ? value.replaceAll(quote, '') : value.replace(/[\s"'<>]/g, '') || 'x'}${quote}`,
);
const entity = fc.constantFrom('&amp;', '&lt;', '&nbsp;', '&#10;', '&#x1F600;', '&#99999999;', '&#xD800;', '&constructor;', '&toString;', '&bogus;', '&', '&#', '&#x;');
const text = fc.oneof({ weight: 6, arbitrary: oddText }, { weight: 2, arbitrary: entity }, { weight: 1, arbitrary: fc.constantFrom('<', '</', '<!--', '-->', '<![CDATA[', ']]>', '<?x', '<!x', '<a b=', '</p', '/>') });

const markup: fc.Arbitrary<string> = fc.letrec((tie) => ({
  markup: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 2 }), fc.array(tie('markup'), { maxLength: 3 }), fc.constantFrom('close', 'close', 'close', 'self', 'open', 'wrong'))
      .map(([tag, attrs, children, end]) => {
        const open = `<${tag}${attrs.join('')}`;
        if (end === 'self') return `${open}/>`;
        const inner = children.join('');
        if (end === 'open') return `${open}>${inner}`;
        return `${open}>${inner}</${end === 'wrong' ? 'div' : tag}>`;
      }),
    fc.array(tie('markup'), { maxLength: 3 }).map((parts) => `<![CDATA[${parts.join('')}]]>`),
    fc.array(tie('markup'), { maxLength: 3 }).map((parts) => `<!-- ${parts.join('')} -->`),
  ),
})).markup;

/** Elements nested thousands deep (100 times the page's depth limit), closed or not. */
const deep = fc.tuple(fc.integer({ min: 1, max: 12_000 }), fc.constantFrom('div', 'span', 'li', 'ac:layout-cell', 'x'), fc.boolean()).map(([levels, tag, closed]) => `${`<${tag}>`.repeat(levels)}<p>deep</p>${closed ? `</${tag}>`.repeat(levels) : ''}`);

const body = fc.oneof({ weight: 16, arbitrary: markup }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: longRun }, { weight: 2, arbitrary: fc.string({ maxLength: 100 }) });

const EXAMPLE = renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), storageCodec);
const TEMPLATE = renderTemplatePageTree(storageCodec);

/** The example's (or the template's) pages, with generated markup put in, and characters broken. */
const editedTree = fc.tuple(fc.constantFrom(EXAMPLE, TEMPLATE, TEMPLATE), fc.nat(), fc.nat(), body, edits).map(([pages, which, at, inserted, list]) =>
  pages.map((page, index) => {
    if (index !== which % pages.length) return page;
    const offset = at % (page.body.length + 1);
    return { ...page, body: applyEdits(page.body.slice(0, offset) + inserted + page.body.slice(offset), list) };
  }),
);

const generatedTree = fc.array(fc.record({ title: fc.oneof(oddText, hostileText), parent: fc.oneof(fc.constant(null), oddText), body }), { minLength: 1, maxLength: 2 });

const tree = fc.oneof({ weight: 1, arbitrary: editedTree }, { weight: 3, arbitrary: generatedTree });

describe('fuzz: storage-format XHTML', () => {
  test(
    'every body reads to blocks and problems, and every tree to findings and a report',
    () => {
      fuzz(
        tree,
        (pages) => describeText('a storage page tree whose pages total', pages.map((page) => page.body).join('')),
        (pages) => {
          for (const page of pages) expectBlocks(storageCodec.read(page.body));
          const report = checkPageTree(pages, 'storage');
          if (report.ok) expectFindingShapes(report.findings);
          else expect(typeof report.error.message).toBe('string');
        },
      );
    },
    SUITE_TIMEOUT,
  );
});
