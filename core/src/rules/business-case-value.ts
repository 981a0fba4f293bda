import type { Rule } from './rule.js';

export const businessCaseValue: Rule = {
  id: 'business-case-value',
  severity: 'error',
  layer: 'businessCase',
  description:
    'The business case states at least one value: a stakeholder and what they get. Integrations are built for the people at each end; naming the benefit keeps the design about outcomes instead of about moving fields.',
  check({ index }) {
    // The value is the benefit: a stakeholder named with nothing they get states none.
    const value = index.spec.businessCase.value.filter((v) => (v.benefit ?? '').trim() !== '');
    return value.length === 0
      ? [{ element: index.root, message: 'the business case states no value: add who benefits and how under businessCase.value', at: '/businessCase/value' }]
      : [];
  },
};
