import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import { parseSpecPageTree, renderSpecToPageTree, storageCodec } from './codecs.js';
import { storageToBlocks } from './storage.js';

const spec = () => exampleSpec('marketing-to-crm.yaml');
const tree = () => renderSpecToPageTree(spec(), storageCodec);

/** Applies an edit to every page body, as Confluence's editor would on saving. */
function edited(edit: (body: string) => string) {
  return tree().map((page) => ({ ...page, body: edit(page.body) }));
}

describe('storage format as Confluence writes it', () => {
  it('escapes markup-like text and writes the status lozenge as the status macro', () => {
    const doc = spec();
    doc.owner = '<ac:structured-macro ac:name="x"/> & ]]>';
    const root = renderSpecToPageTree(doc, storageCodec)[0]!.body;
    expect(root).toContain('<td><p>&lt;ac:structured-macro ac:name=&quot;x&quot;/&gt; &amp; ]]&gt;</p></td>');
    expect(root).toContain('<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Grey</ac:parameter><ac:parameter ac:name="title">draft</ac:parameter></ac:structured-macro>');
  });

  it('reads local ids, colgroup, data attributes, pretty-printing, empty paragraphs and &nbsp;', () => {
    const pages = edited((body) =>
      body
        .replace(/<table>/g, '<table data-table-width="760" data-layout="default" ac:local-id="a1b2"><colgroup><col style="width: 120.0px;" /><col /></colgroup>\n  ')
        .replace(/<tr>/g, '\n<tr ac:local-id="r1">')
        .replace(/<p>/g, '<p local-id="p1">')
        .replace(/<h([23])>/g, '<p /><h$1 local-id="h">')
        .replace(/<\/h2>/g, '</h2><p>&nbsp;</p><p></p>')
        .replace(/<td><p local-id="p1">(Sales|Marketing)<\/p>/g, '<td><p local-id="p1">&nbsp;$1&nbsp;</p><p />'),
    );
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('reads cells without <p>, header rows written as <td> (a table pasted from Excel), marks and line breaks', () => {
    const pages = edited((body) =>
      body
        .replace(/<th><p>([^<]*)<\/p><\/th>/g, '<td><strong>$1</strong></td>')
        .replace(/<td><p>([^<]*)<\/p><\/td>/g, '<td>$1</td>')
        .replace(/<h2>Story<\/h2><p>/g, '<h2>Story</h2><p><em></em>'),
    );
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('reads an ac:adf-extension once, from its fallback, and panels in place', () => {
    const pages = edited((body) =>
      body.replace(/(<h2>Story<\/h2>)(<p>[^]*?<\/p>)/, '$1<ac:adf-extension><ac:adf-node type="panel"><ac:adf-content>$2</ac:adf-content></ac:adf-node><ac:adf-fallback><div class="panel">$2</div></ac:adf-fallback></ac:adf-extension>'),
    );
    expect(pages[1]!.body).toContain('ac:adf-fallback');
    const result = parseSpecPageTree(pages, storageCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('reads mentions, emoticons and HTML entities as text', () => {
    const { blocks } = storageToBlocks('<p>Ask <ac:link><ri:user ri:account-id="42" /></ac:link>Dana <ac:emoticon ac:name="smile" ac:emoji-fallback="🙂" /> &rarr; &#x1F389; &bogus;</p>');
    expect(blocks).toStrictEqual([{ kind: 'paragraph', content: [
      { kind: 'text', text: 'Ask ' }, { kind: 'text', text: 'Dana ' }, { kind: 'text', text: '🙂' }, { kind: 'text', text: ' → 🎉 &bogus;' },
    ] }]);
  });

  it('never throws on broken markup', () => {
    for (const body of ['<p>unclosed', '<table><tr><td>a</table>', '</p></p>', '< p>', '<![CDATA[ no end', '<!-- no end', '<p a="1>x</p>', '&#xFFFFFFF;']) {
      expect(() => storageToBlocks(body)).not.toThrow();
    }
    expect(storageToBlocks('<p>a < b</p>').blocks).toStrictEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: 'a < b' }] }]);
  });
});
