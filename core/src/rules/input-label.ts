import { isBlank } from './text.js';
import type { Rule, RuleFinding } from './rule.js';

export const inputLabel: Rule = {
  id: 'input-label',
  severity: 'warn',
  layer: 'details',
  description:
    'An end-user input has a label and help text. Inputs are shown to the person who sets the integration up, often long after the design: the label is what they see, the help is what tells them which value to choose.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const input of index.inputs) {
      const missing = [isBlank(input.value.label) && 'label', isBlank(input.value.help) && 'help'].filter(Boolean);
      if (missing.length > 0) {
        findings.push({ element: input, message: `input "${input.id}" has no ${missing.join(' and no ')}: say what the person setting up the integration should enter`, at: `${input.path}/${missing[0]}` });
      }
    }
    return findings;
  },
};
