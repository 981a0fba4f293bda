import type { AnyElement } from '../model/spec-index.js';
import type { Rule, RuleFinding } from './rule.js';

export const idUnique: Rule = {
  id: 'id-unique',
  severity: 'error',
  layer: 'element',
  description:
    'Every use case, data flow, trigger, outcome, mapping and test has an id unique in the document (systems and inputs are unique among their own kind). Findings, test results, Confluence rows and Notion rows are all keyed by these ids; two elements with one id would overwrite each other on the next sync and make every report ambiguous.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    const report = (elements: readonly AnyElement[], what: string) => {
      const first = new Map<string, AnyElement>();
      for (const element of elements) {
        if (element.derivedId || element.id === '') continue;
        const earlier = first.get(element.id);
        if (earlier) {
          findings.push({
            element,
            message: `id "${element.id}" is already used by the ${describeKind(earlier)} at ${earlier.path}; give each ${what} its own id`,
            at: `${element.path}/id`,
          });
        } else {
          first.set(element.id, element);
        }
      }
    };
    report([...index.useCases, ...index.dataFlows, ...index.triggers, ...index.outcomes, ...index.mappings, ...index.tests], 'element');
    report(index.systems, 'system');
    report(index.inputs, 'input');
    return findings;
  },
};

function describeKind(element: AnyElement): string {
  const names: Record<AnyElement['kind'], string> = {
    spec: 'spec',
    system: 'system',
    input: 'input',
    useCase: 'use case',
    dataFlow: 'data flow',
    trigger: 'trigger',
    outcome: 'outcome',
    mapping: 'mapping',
    test: 'test case',
  };
  return names[element.kind];
}
