import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import type { AdfNode } from './adf.js';
import { adfCodec, parseSpecPageTree, renderSpecToPageTree } from './codecs.js';

const spec = () => exampleSpec('marketing-to-crm.yaml');

/** Rewrites every node of every page, as the editor does when it saves. */
function edited(visit: (node: AdfNode) => AdfNode) {
  const walk = (node: AdfNode): AdfNode => {
    const next = visit({ ...node });
    return next.content ? { ...next, content: next.content.map(walk) } : next;
  };
  return renderSpecToPageTree(spec(), adfCodec).map((page) => ({ ...page, body: walk(page.body) }));
}

describe('ADF as the Confluence editor writes it', () => {
  it('reads local ids, extra marks and empty paragraphs', () => {
    let n = 0;
    const pages = edited((node) => {
      if (node.type !== 'text' && node.type !== 'doc') node.attrs = { ...node.attrs, localId: `id-${n++}` };
      if (node.type === 'text' && !node.marks) node.marks = [{ type: 'strong' }];
      if (node.type === 'doc') node.content = node.content!.flatMap((child) => [child, { type: 'paragraph', content: [] }]);
      return node;
    });
    const result = parseSpecPageTree(pages, adfCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('reads a table inside a panel or an expand in place', () => {
    const pages = edited((node) => {
      if (node.type === 'doc') node.content = node.content!.map((child) => (child.type === 'table' ? { type: 'expand', attrs: { title: 'details' }, content: [child] } : child));
      return node;
    });
    const result = parseSpecPageTree(pages, adfCodec);
    expect(result.findings).toStrictEqual([]);
    expect(result.spec).toStrictEqual(spec());
  });

  it('reports a merged cell with its page and row', () => {
    const pages = edited((node) => node);
    const child = pages[1]!.body;
    const mappings = child.content!.find((node, index) => node.type === 'table' && child.content![index - 1]?.content?.[0]?.text === 'Field mappings')!;
    const row = mappings.content![1]!;
    row.content!.splice(1, 2, { ...row.content![1]!, attrs: { colspan: 2 } });
    const { findings } = parseSpecPageTree(pages, adfCodec);
    expect(findings[0]).toMatchObject({ page: 'UC-1: Create a CRM customer on conversion', at: 'heading "Conversion event → CRM customer" › "Field mappings" row 2 (FM-1)' });
  });

  it('reads a mention, an emoji and a hard break as text', () => {
    const body = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [
      { type: 'mention', attrs: { id: '1', text: '@Dana' } }, { type: 'hardBreak' }, { type: 'emoji', attrs: { shortName: ':smile:', text: '🙂' } },
      { type: 'date', attrs: { timestamp: 'not a number' } },
    ] }] };
    expect(adfCodec.read(body)).toStrictEqual({ blocks: [{ kind: 'paragraph', content: [
      { kind: 'text', text: '@Dana' }, { kind: 'text', text: '\n' }, { kind: 'text', text: '🙂' }, { kind: 'text', text: '' },
    ] }], problems: [] });
  });

  it('reports a body that is not ADF', () => {
    expect(adfCodec.read('<p>storage</p>').problems).toStrictEqual(['the page body is not an ADF document (an object with "type": "doc")']);
  });
});
