import { countWords } from './text.js';
import type { Rule } from './rule.js';

const MAX_WORDS = 1000;

export const businessCaseLength: Rule = {
  id: 'business-case-length',
  severity: 'warn',
  layer: 'businessCase',
  description:
    'The business case summary stays under 1,000 words (about two pages). A business case is read by people deciding whether to build the integration; detail belongs in the use cases and data flows below it.',
  check({ index }) {
    const summary = index.spec.businessCase.summary;
    if (summary === undefined) return [];
    const words = countWords(summary);
    return words > MAX_WORDS
      ? [{ element: index.root, message: `the business case summary has ${words} words, more than ${MAX_WORDS}; keep it to about two pages and move detail into use cases`, at: '/businessCase/summary' }]
      : [];
  },
};
