import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

/** "As a…, I want…, so that…" or "When…, I want…, so that…", the two story forms teams use. */
const USER_STORY = /^\s*as\s+(an?|the)\b[\s\S]*?\bI\s+(want|need)\b[\s\S]*?\bso\s+that\b/i;
const JOB_STORY = /^\s*when\b[\s\S]*?\bI\s+(want|need)\b[\s\S]*?\bso\s+that\b/i;

export function isStoryForm(story: string): boolean {
  return USER_STORY.test(story) || JOB_STORY.test(story);
}

export const useCaseStory: Rule = {
  id: 'use-case-story',
  severity: 'warn',
  layer: 'useCases',
  description:
    'A use case has a story in user-story form ("As a…, I want…, so that…") or job-story form ("When…, I want…, so that…"). The form forces the three things a use case must say — who or what situation, what they want, and why — and keeps the why visible when the mappings are argued about later.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const useCase of index.useCases) {
      const story = useCase.value.story;
      if (isBlank(story)) {
        findings.push({ element: useCase, message: 'use case has no story: write "As a…, I want…, so that…" or "When…, I want…, so that…"', at: `${useCase.path}/story` });
      } else if (!isStoryForm(story!)) {
        findings.push({
          element: useCase,
          message: 'story is not in user-story ("As a…, I want…, so that…") or job-story ("When…, I want…, so that…") form',
          at: `${useCase.path}/story`,
        });
      }
    }
    return findings;
  },
};
