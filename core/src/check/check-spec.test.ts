import { describe, expect, it } from 'vitest';
import { checkSpec } from '@specwright/core';
import { exampleSpec } from '../../../test/support/examples.js';

describe('checkSpec', () => {
  it('finds nothing in the complete marketing → CRM example', () => {
    expect(checkSpec(exampleSpec('marketing-to-crm.yaml'))).toStrictEqual([]);
  });

  it('orders findings by the document order of their element, then by rule table order', () => {
    const spec = exampleSpec('marketing-to-crm.yaml');
    delete spec.businessCase.summary;
    spec.useCases[0].dataFlows[0].mappings[1].target = 'Customer.email';
    const findings = checkSpec(spec).map((f) => `${f.rule} ${f.id}`);
    expect(findings).toStrictEqual([
      'business-case-summary x-marketing-to-y-crm',
      'layer-order x-marketing-to-y-crm',
      'mapping-target-duplicate FM-2',
    ]);
  });
});
