import { describe, expect, it } from 'vitest';
import { SPEC, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { businessCaseLength } from './business-case-length.js';

const tooLong = findingFor('business-case-length', 'warn')('x-marketing-to-y-crm', SPEC, '/businessCase/summary');

/** `count` words, separated by spaces, line breaks and blank lines, as authors write them. */
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).reduce((text, word, i) => text + ['  ', '\n', '\n\n', '\t'][i % 4] + word);

describe('business-case-length', () => {
  it('finds nothing in a short summary', () => {
    expect(findingsOf(businessCaseLength, cleanSpec())).toStrictEqual([]);
  });

  it('accepts exactly 1,000 words', () => {
    const spec = cleanSpec();
    spec.businessCase.summary = words(1000);
    expect(findingsOf(businessCaseLength, spec)).toStrictEqual([]);
  });

  it('warns about more than 1,000 whitespace-separated words, about the spec', () => {
    const spec = cleanSpec();
    spec.businessCase.summary = `  ${words(1001)}  `;
    expect(findingsOf(businessCaseLength, spec)).toStrictEqual([tooLong]);
  });

  it('leaves a missing summary to business-case-summary', () => {
    const spec = cleanSpec();
    delete spec.businessCase.summary;
    expect(findingsOf(businessCaseLength, spec)).toStrictEqual([]);
  });
});
