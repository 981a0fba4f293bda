import { describe, expect, it } from 'vitest';
import { SPEC, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { businessCaseStakeholders } from './business-case-stakeholders.js';

const noStakeholder = findingFor('business-case-stakeholders', 'error')('x-marketing-to-y-crm', SPEC, '/businessCase/stakeholders');

describe('business-case-stakeholders', () => {
  it('finds nothing when a stakeholder is named', () => {
    const spec = cleanSpec();
    expect(findingsOf(businessCaseStakeholders, spec)).toStrictEqual([]);
    spec.businessCase.stakeholders = ['Sales'];
    expect(findingsOf(businessCaseStakeholders, spec)).toStrictEqual([]);
  });

  it('reports an empty, blank or missing list, about the spec', () => {
    for (const stakeholders of [[], ['', ' '], undefined]) {
      const spec = cleanSpec();
      spec.businessCase.stakeholders = stakeholders;
      expect(findingsOf(businessCaseStakeholders, spec)).toStrictEqual([noStakeholder]);
    }
  });

  it('does not count the stakeholders of use cases or values', () => {
    const spec = cleanSpec();
    delete spec.businessCase.stakeholders;
    expect(spec.useCases[0].stakeholders).toStrictEqual(['Sales']);
    expect(findingsOf(businessCaseStakeholders, spec)).toStrictEqual([noStakeholder]);
  });
});
