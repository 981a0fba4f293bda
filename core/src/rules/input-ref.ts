import { appendPointer } from '../model/pointer.js';
import type { Rule, RuleFinding } from './rule.js';

export const inputRef: Rule = {
  id: 'input-ref',
  severity: 'error',
  layer: 'details',
  description:
    'Every input a mapping, filter or criteria references (as `input:` or `$inputs.<id>`), every key of a test\'s `inputs` and every `expectErrors[].input` names a declared end-user input. Inputs are what the person setting up the integration fills in; an undeclared one is a setting nobody will ever be asked for.',
  check(context) {
    const { index } = context;
    const declared = index.inputById;
    const findings: RuleFinding[] = [];
    const hint = () => (declared.size > 0 ? `declared: ${[...declared.keys()].join(', ')}` : 'no inputs are declared');
    for (const ref of context.inputReferences()) {
      // A blank `input:` is no value, which mapping-kind reports.
      if (declared.has(ref.inputId) || ref.inputId.trim() === '') continue;
      findings.push({ element: ref.element, message: `input "${ref.inputId}" is not declared under inputs (${hint()})`, at: ref.at });
    }
    for (const test of index.tests) {
      for (const key of Object.keys(test.value.inputs)) {
        if (!declared.has(key)) {
          findings.push({ element: test, message: `test input "${key}" is not declared under inputs (${hint()})`, at: appendPointer(test.path, 'inputs', key) });
        }
      }
      test.value.expectErrors?.forEach((expected, i) => {
        if (expected.input !== undefined && !declared.has(expected.input)) {
          findings.push({
            element: test,
            message: `expected error names input "${expected.input}", which is not declared under inputs (${hint()})`,
            at: `${test.path}/expectErrors/${i}/input`,
          });
        }
      });
    }
    return findings;
  },
};
