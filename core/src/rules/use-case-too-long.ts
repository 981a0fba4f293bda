import { countParagraphs, countWords } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

const MAX_WORDS = 80;

export const useCaseTooLong: Rule = {
  id: 'use-case-too-long',
  severity: 'warn',
  layer: 'useCases',
  description:
    'A story has at most 80 words and one paragraph. A story is a promise of a conversation, not the conversation: a long one usually hides several use cases, or design detail that belongs in the data flows.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const useCase of index.useCases) {
      const story = useCase.value.story;
      if (story === undefined) continue;
      const words = countWords(story);
      const paragraphs = countParagraphs(story);
      if (words > MAX_WORDS || paragraphs > 1) {
        const why = words > MAX_WORDS ? `${words} words (more than ${MAX_WORDS})` : `${paragraphs} paragraphs`;
        findings.push({ element: useCase, message: `story has ${why}; keep it to one short paragraph, and split the use case if it does several things`, at: `${useCase.path}/story` });
      }
    }
    return findings;
  },
};
