import type { Rule, RuleFinding } from './rule.js';

export const outcomeAction: Rule = {
  id: 'outcome-action',
  severity: 'warn',
  layer: 'details',
  description:
    'A failure outcome has an action: retry, notify, dead-letter, skip or halt. Naming a failure without deciding what to do about it leaves that decision to whoever is on call when it happens.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const outcome of index.outcomes) {
      if (outcome.value.type === 'failure' && outcome.value.action === undefined) {
        findings.push({ element: outcome, message: 'failure outcome has no action: choose retry, notify, dead-letter, skip or halt', at: `${outcome.path}/action` });
      }
    }
    return findings;
  },
};
