import { describe, expect, it } from 'vitest';
import { SPEC, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { businessCaseSummary } from './business-case-summary.js';

const noSummary = findingFor('business-case-summary', 'error')('x-marketing-to-y-crm', SPEC, '/businessCase/summary');

describe('business-case-summary', () => {
  it('finds nothing when the business case has a summary', () => {
    expect(findingsOf(businessCaseSummary, cleanSpec())).toStrictEqual([]);
  });

  it('reports a missing summary, about the spec', () => {
    const spec = cleanSpec();
    delete spec.businessCase.summary;
    expect(findingsOf(businessCaseSummary, spec)).toStrictEqual([noSummary]);
  });

  it('reports an empty or blank summary', () => {
    for (const summary of ['', '  \n ', null]) {
      const spec = cleanSpec();
      spec.businessCase.summary = summary;
      expect(findingsOf(businessCaseSummary, spec)).toStrictEqual([noSummary]);
    }
  });

  it('reports a missing business case', () => {
    const spec = cleanSpec();
    delete spec.businessCase;
    expect(findingsOf(businessCaseSummary, spec)).toStrictEqual([noSummary]);
  });
});
