import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import { adfCodec, renderSpecToPageTree, renderTemplatePageTree } from './codecs.js';

// Atlassian's published ADF JSON schema (draft-04), from @atlaskit/adf-schema.
const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/json-schema/v1/full.json');
const validate = new Ajv.default({ allErrors: true, strict: false }).compile(schema);

describe('rendered ADF', () => {
  it.each(['marketing-to-crm.yaml', 'order-to-erp.yaml'])('of %s validates against the published ADF schema', (name) => {
    for (const page of renderSpecToPageTree(exampleSpec(name), adfCodec)) {
      const valid = validate(page.body);
      expect({ page: page.title, errors: valid ? [] : validate.errors?.slice(0, 5) }).toStrictEqual({ page: page.title, errors: [] });
    }
  });

  it('of the blank template (instructional text as placeholders) validates', () => {
    for (const page of renderTemplatePageTree(adfCodec)) expect(validate(page.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('is checked for real: a status without text does not validate', () => {
    expect(validate({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'status', attrs: { text: '', color: 'green' } }] }] })).toBe(false);
  });

  it('validates with empty cells, lozenges and code marks', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    spec.status = 'approved';
    spec.useCases[0].dataFlows[0].mappings.push({ id: 'FM-9', target: 'Customer.kind', constant: { a: 1 }, description: '' });
    for (const page of renderSpecToPageTree(spec, adfCodec)) expect(validate(page.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});
