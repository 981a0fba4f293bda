import type { Rule } from './rule.js';

export const businessCaseStakeholders: Rule = {
  id: 'business-case-stakeholders',
  severity: 'error',
  layer: 'businessCase',
  description:
    'The business case names at least one stakeholder. Stakeholders are who reviews the design and who accepts the test cases; a spec with none has nobody to say it is right.',
  check({ index }) {
    const named = index.spec.businessCase.stakeholders.filter((s) => s.trim() !== '');
    return named.length === 0
      ? [{ element: index.root, message: 'the business case names no stakeholder: list who the integration is for under businessCase.stakeholders', at: '/businessCase/stakeholders' }]
      : [];
  },
};
