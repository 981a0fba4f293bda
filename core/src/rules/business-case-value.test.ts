import { describe, expect, it } from 'vitest';
import { SPEC, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { businessCaseValue } from './business-case-value.js';

const noValue = findingFor('business-case-value', 'error')('x-marketing-to-y-crm', SPEC, '/businessCase/value');

describe('business-case-value', () => {
  it('finds nothing when a value is stated', () => {
    expect(findingsOf(businessCaseValue, cleanSpec())).toStrictEqual([]);
  });

  it('accepts a value that gives only a benefit', () => {
    const spec = cleanSpec();
    spec.businessCase.value = [{ benefit: 'Faster follow-up on new prospects' }];
    expect(findingsOf(businessCaseValue, spec)).toStrictEqual([]);
  });

  it('reports an empty or missing list, about the spec', () => {
    const spec = cleanSpec();
    spec.businessCase.value = [];
    expect(findingsOf(businessCaseValue, spec)).toStrictEqual([noValue]);
    delete spec.businessCase.value;
    expect(findingsOf(businessCaseValue, spec)).toStrictEqual([noValue]);
  });

  it('reports stakeholders named with nothing they get', () => {
    const spec = cleanSpec();
    spec.businessCase.value = [{ stakeholder: 'Sales' }, { stakeholder: 'Marketing', benefit: ' ' }];
    expect(findingsOf(businessCaseValue, spec)).toStrictEqual([noValue]);
  });

  it('reports a list whose items say nothing', () => {
    const spec = cleanSpec();
    spec.businessCase.value = [{ stakeholder: '', benefit: '  ' }, {}];
    expect(findingsOf(businessCaseValue, spec)).toStrictEqual([noValue]);
  });
});
