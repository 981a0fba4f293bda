import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import { decodeValue, encodeValue } from './cell-values.js';
import { parseSpecPageTree, renderSpecToPageTree, storageCodec } from './codecs.js';

/** A character that an XML 1.0 document cannot hold (its `Char` production). */
const NOT_XML_CHAR = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('values XML 1.0 cannot hold', () => {
  it('are written as JSON in a code mark, U+FFFE and U+FFFF as escapes, and read back exactly', () => {
    for (const value of ['\ufffe', 'a\uffffb', { 'k\ufffe': ['\uffff'] }, '\u0001', '\ud800']) {
      const inlines = encodeValue(value, 'any');
      expect(inlines).toHaveLength(1);
      expect(inlines[0]).toMatchObject({ kind: 'text', code: true });
      expect(inlines[0]!.text).not.toMatch(NOT_XML_CHAR);
      expect(decodeValue(inlines, 'any')).toStrictEqual({ ok: true, value });
    }
    expect(encodeValue('\ufffe', 'any')).toStrictEqual([{ kind: 'text', text: '"\\ufffe"', code: true }]);
    expect(encodeValue(['a', '\uffff'], 'list')).toStrictEqual([{ kind: 'text', text: '["a","\\uffff"]', code: true }]);
  });

  it('leave a storage body that holds only XML characters, and come back from it exactly', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.owner = '\ufffe\uffff';
    spec.systems[0].entities[0].fields[0].format = '\ufffe';
    spec.useCases[0].dataFlows[0].mappings[0].description = 'bell \u0007 and a lone \udc00';
    const tree = renderSpecToPageTree(spec, storageCodec);
    for (const page of tree) expect(page.body).not.toMatch(NOT_XML_CHAR);
    expect(tree[0]!.body).toContain('<code>&quot;\\ufffe\\uffff&quot;</code>');
    const back = parseSpecPageTree(JSON.parse(JSON.stringify(tree)), storageCodec);
    expect(back.findings).toStrictEqual([]);
    expect(back.spec).toStrictEqual(spec);
  });
});
