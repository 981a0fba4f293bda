import { describe, expect, it } from 'vitest';
import { exampleSpec } from './examples.js';
import { BLANK_SPEC, GUIDANCE, parseSpecPageTree, renderSpecToPageTree, renderTemplatePageTree, type PageCodec } from '@specwright/core';

/**
 * The codec contract: what every Confluence representation must do, as one suite run against each
 * codec (codecs.test.ts), the way hono runs one suite against every adapter.
 */
export function runCodecContract(codec: PageCodec<unknown>): void {
  const roundTrip = (spec: Record<string, unknown>) => parseSpecPageTree(renderSpecToPageTree(spec, codec), codec);
  // A JSON round trip, the way a page tree travels through a file or the REST API.
  const viaJson = (spec: Record<string, unknown>) => parseSpecPageTree(JSON.parse(JSON.stringify(renderSpecToPageTree(spec, codec))), codec);

  describe(`${codec.name}: round trip`, () => {
    it.each(['marketing-to-crm.yaml', 'order-to-erp.yaml'])('gives back %s exactly, without findings', (name) => {
      const spec = exampleSpec(name);
      const result = viaJson(spec);
      expect(result.findings).toStrictEqual([]);
      expect(result.spec).toStrictEqual(spec);
    });

    it('renders one root page and one child page per use case', () => {
      const tree = renderSpecToPageTree(exampleSpec('order-to-erp.yaml'), codec);
      expect(tree.map((page) => [page.title, page.parent])).toStrictEqual([
        ['Web shop orders → ERP invoices and credit notes', null],
        ['UC-1: Post paid web orders as ERP sales invoices', 'Web shop orders → ERP invoices and credit notes'],
        ['UC-2: Credit web shop refunds in the ERP', 'Web shop orders → ERP invoices and credit notes'],
      ]);
    });

    const tricky = ['a < b & c > d', ']]>', '<ac:structured-macro ac:name="status"/>', '{{name}}', '&amp; &nbsp; &#60;', 'emoji 🎉👩🏽‍💻', 'مرحبا بالعالم', 'quote " and \' apostrophe', '-- <!-- comment -->', '<![CDATA[x]]>'];
    it.each(tricky)('keeps text that looks like markup as text: %s', (text) => {
      const spec = exampleSpec('marketing-to-crm.yaml');
      const flow = spec.useCases[0].dataFlows[0];
      spec.title = text;
      spec.owner = text;
      spec.businessCase.summary = text;
      spec.useCases[0].story = text;
      spec.useCases[0].title = text;
      flow.mappings[0].description = text;
      flow.mappings[0]['x-note'] = text;
      flow.tests[0].given.ConversionEvent.contact.firstName = text;
      spec.systems[0].entities[0].name = text;
      const result = viaJson(spec);
      expect(result.findings).toStrictEqual([]);
      expect(result.spec).toStrictEqual(spec);
    });

    it('keeps values that are not plain text exactly: numbers, booleans, null, objects, empty and multi-line text', () => {
      const spec = exampleSpec('marketing-to-crm.yaml');
      const flow = spec.useCases[0].dataFlows[0];
      Object.assign(flow.mappings[4], { constant: 42 });
      flow.mappings.push({ id: 'FM-7', target: 'Customer.kind', constant: true }, { id: 'FM-8', target: 'Customer.kind', constant: null });
      flow.mappings.push({ id: 'FM-9', target: 'Customer.kind', constant: { a: [1, 'two'] }, description: '' });
      flow.mappings.push({ id: 'FM-10', target: 'Customer.kind', constant: '42', description: '  padded  ' });
      flow.mappings.push({ id: 'FM-11', target: 'Customer.kind', constant: 'yes', lookup: { 'a,b': 1 }, default: false });
      spec.useCases[0].story = 'line one\nline two';
      spec.businessCase.market = 'one\n\ntwo';
      spec.businessCase.stakeholders = ['Sales, EMEA', 'RevOps'];
      spec.inputs[0].options = [1, 'two'];
      spec.inputs[0].default = 'yes';
      spec['x-owner-team'] = { name: 'integrations', size: 4 };
      spec.businessCase['x-priority'] = 1;
      spec.systems[1].entities[0].fields[0]['x-pii'] = true;
      const result = viaJson(spec);
      expect(result.findings).toStrictEqual([]);
      expect(result.spec).toStrictEqual(spec);
    });

    it('keeps characters XML 1.0 cannot hold exactly: U+FFFE, U+FFFF, control characters, lone surrogates', () => {
      const spec = exampleSpec('marketing-to-crm.yaml');
      const flow = spec.useCases[0].dataFlows[0];
      spec.title = 'X \ufffe Y';
      spec.owner = '\uffff';
      spec.businessCase.summary = 'bell \u0007, escape \u001b, nul \u0000';
      spec.systems[0].entities[0].fields[0].format = '\ufffe';
      flow.mappings[0].description = 'lone \ud800 and \udfff';
      flow.mappings[5].lookup = { 'form\uffff': 'Lead' };
      flow.tests[0].given.ConversionEvent.contact.firstName = '\ufffe\uffff\u0001\ud83d';
      const result = viaJson(spec);
      expect(result.findings).toStrictEqual([]);
      expect(result.spec).toStrictEqual(spec);
    });

    it('keeps empty lists and missing optional sections as they are', () => {
      const spec = exampleSpec('marketing-to-crm.yaml');
      const flow = spec.useCases[0].dataFlows[0];
      flow.tests = [];
      flow.outcomes = null;
      delete flow.triggers;
      delete spec.inputs;
      spec.systems[0].entities = [];
      spec.systems[1].entities[0].fields = [];
      const result = viaJson(spec);
      expect(result.spec).toStrictEqual(spec);
    });

    it('renders the blank template with guidance that is shown, and never read back as content', () => {
      const tree = renderTemplatePageTree(codec);
      const body = JSON.stringify(tree);
      for (const text of Object.values(GUIDANCE)) expect(body).toContain(JSON.stringify(codec.name === 'adf' ? text : text.replace(/"/g, '&quot;')).slice(1, 20));
      const result = parseSpecPageTree(JSON.parse(body), codec);
      expect(result.findings).toStrictEqual([]);
      expect(JSON.stringify(result.spec)).not.toMatch(/Work big to small|One row per/);
      expect(result.spec).toStrictEqual({ ...BLANK_SPEC, businessCase: { value: [] } });
    });

    it('reads a tree that is not a page tree as findings, never an exception', () => {
      for (const tree of [null, 42, 'text', [], [null], [{ title: 'x', parent: null, body: 7 }], [{ title: 1, parent: null, body: {} }]]) {
        const result = parseSpecPageTree(tree, codec);
        expect(result.findings.length).toBeGreaterThan(0);
      }
    });
  });
}
