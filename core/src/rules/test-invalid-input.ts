import type { Rule, RuleFinding } from './rule.js';

export const testInvalidInput: Rule = {
  id: 'test-invalid-input',
  severity: 'warn',
  layer: 'tests',
  description:
    'When a data flow uses a required end-user input, one of its tests leaves that input out or gives it a wrong value and expects the error (`expectErrors: [{input: <id>, code: required}]`). A setting the end user can forget is a failure the design should show it handles.',
  check(context) {
    const findings: RuleFinding[] = [];
    const usedByFlow = new Map<string, Set<string>>();
    for (const ref of context.inputReferences()) {
      const used = usedByFlow.get(ref.dataFlow.path) ?? new Set<string>();
      used.add(ref.inputId);
      usedByFlow.set(ref.dataFlow.path, used);
    }
    for (const flow of context.index.dataFlows) {
      for (const inputId of usedByFlow.get(flow.path) ?? []) {
        if (context.index.inputById.get(inputId)?.required !== true) continue;
        const tested = flow.value.tests.some((t) => t.expectErrors?.some((e) => e.input === inputId));
        if (!tested) {
          findings.push({ element: flow, message: `data flow uses the required input "${inputId}" and no test expects an error for it; add a test without it that lists it under expectErrors`, at: `${flow.path}/tests` });
        }
      }
    }
    return findings;
  },
};
