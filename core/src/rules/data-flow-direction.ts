import type { Rule, RuleFinding } from './rule.js';

export const dataFlowDirection: Rule = {
  id: 'data-flow-direction',
  severity: 'error',
  layer: 'dataFlows',
  description:
    'A data flow goes from one system to another: its source and target systems differ. A flow from a system to itself is not an integration; it is usually a copy-paste slip or a flow whose other end has not been named yet.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const flow of index.dataFlows) {
      const { source, target } = flow.value;
      if (source.system !== undefined && source.system === target.system) {
        findings.push({ element: flow, message: `source and target are both system "${source.system}"; a data flow moves data between two systems`, at: `${flow.path}/target/system` });
      }
    }
    return findings;
  },
};
