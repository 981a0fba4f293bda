import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import { markdownCodec, parseSpecPageTree, renderSpecToPageTree } from './codecs.js';
import { markdownToPageTree, pageTreeToMarkdown } from './markdown-document.js';

const viaFile = (spec: Record<string, unknown>) => parseSpecPageTree(markdownToPageTree(pageTreeToMarkdown(renderSpecToPageTree(spec, markdownCodec))), markdownCodec);

describe('a spec as one Markdown file', () => {
  it.each(['marketing-to-crm.yaml', 'order-to-erp.yaml'])('gives back %s exactly', (name) => {
    expect(viaFile(exampleSpec(name))).toStrictEqual({ spec: exampleSpec(name), findings: [] });
  });

  it('keeps page titles with markup-like text, and reads a GFM table as people write it', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.title = '# Not a <b>heading</b> | `x`';
    spec.useCases[0].title = '*stars* & [link](x)';
    expect(viaFile(spec)).toStrictEqual({ spec, findings: [] });
    const markdown = pageTreeToMarkdown(renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), markdownCodec));
    expect(markdown).toContain('| FM-6 | ConversionEvent.type | Customer.stage |  | `{"form":"Lead","webinar":"Engaged"}` | Lead |');
    const aligned = markdown.replace(/\|---\|---\|---\|---\|---\|---\|---\|---\|---\|/, '| :-- | --- | :-: | --- | --- | --- | --- | --- | ---: |');
    expect(aligned).not.toBe(markdown);
    expect(viaFile(exampleSpec('marketing-to-crm.yaml')).spec).toStrictEqual(parseSpecPageTree(markdownToPageTree(aligned), markdownCodec).spec);
  });
});
