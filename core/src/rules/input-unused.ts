import type { Rule, RuleFinding } from './rule.js';

export const inputUnused: Rule = {
  id: 'input-unused',
  severity: 'warn',
  layer: 'details',
  description:
    'Every declared input is referenced by some mapping (`input:`), transform, filter or criteria (`$inputs.<id>`). An input nobody reads is a question the end user must answer for nothing; values given in tests do not count as references.',
  check(context) {
    const referenced = new Set(context.inputReferences().map((r) => r.inputId));
    const findings: RuleFinding[] = [];
    for (const input of context.index.inputs) {
      if (!referenced.has(input.id)) {
        findings.push({ element: input, message: `input "${input.id}" is never referenced; use it in a mapping or remove it` });
      }
    }
    return findings;
  },
};
