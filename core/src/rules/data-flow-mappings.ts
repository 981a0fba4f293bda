import type { Rule, RuleFinding } from './rule.js';

export const dataFlowMappings: Rule = {
  id: 'data-flow-mappings',
  severity: 'error',
  layer: 'details',
  description:
    'A data flow has at least one field mapping. Mappings are the contract between the two systems, field by field; a flow without them is still only an intention.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      if (flow.value.mappings.length === 0) {
        findings.push({ element: flow, message: 'data flow has no field mapping: say which target field gets which value', at: `${flow.path}/mappings` });
      }
    }
    return findings;
  },
};
