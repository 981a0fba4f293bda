import type { Rule } from './rule.js';

export const useCaseRequired: Rule = {
  id: 'use-case-required',
  severity: 'error',
  layer: 'useCases',
  description:
    'The spec has at least one use case. Use cases turn the business case into what an end user can do once the integration exists; without them, data flows have nothing to serve.',
  check({ index }) {
    return index.useCases.length === 0
      ? [{ element: index.root, message: 'the spec has no use case: add one under useCases for each thing a user can do once the integration exists', at: '/useCases' }]
      : [];
  },
};
