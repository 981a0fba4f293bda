import { isBlank } from './text.js';
import type { Rule } from './rule.js';

export const businessCaseSummary: Rule = {
  id: 'business-case-summary',
  severity: 'error',
  layer: 'businessCase',
  description:
    'The business case has a summary: what the integration does and why, in the words of the people who asked for it. Everything below — use cases, data flows, mappings — is judged against it; without it there is no way to tell a necessary mapping from a nice-to-have.',
  check({ index }) {
    return isBlank(index.spec.businessCase.summary)
      ? [{ element: index.root, message: 'the business case has no summary: say what the integration does and why', at: '/businessCase/summary' }]
      : [];
  },
};
