import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

export const layerOrder: Rule = {
  id: 'layer-order',
  severity: 'warn',
  layer: 'element',
  description:
    'Work big to small: a use case with data flows has a story, and a spec with use cases has a business case summary. Detail written before the layer above it is detail nobody can judge; when the story changes, the flows below it usually change too.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    if (index.useCases.length > 0 && isBlank(index.spec.businessCase.summary)) {
      findings.push({ element: index.root, message: 'the spec has use cases but no business case summary; write the summary first (work big to small)', at: '/businessCase/summary' });
    }
    for (const useCase of index.useCases) {
      if (useCase.value.dataFlows.length > 0 && isBlank(useCase.value.story)) {
        findings.push({ element: useCase, message: 'use case has data flows but no story; write the story first (work big to small)', at: `${useCase.path}/story` });
      }
    }
    return findings;
  },
};
