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
        if (element.id === '') continue;
        const earlier = first.get(element.id);
        if (!earlier) {
          first.set(element.id, element);
          continue;
        }
        // Derived ids meet only below data flows that share an id, and that is reported already.
        if (earlier.derivedId && element.derivedId) continue;
        const where = `the ${describeKind(earlier)} at ${earlier.path}${earlier.derivedId ? ' (derived, as it has no id)' : ''}`;
        findings.push(
          element.derivedId
            ? { element, message: `this ${describeKind(element)} has no id, and the one derived for it, "${element.id}", is already used by ${where}; give it its own id` }
            : { element, message: `id "${element.id}" is already used by ${where}; give each ${what} its own id`, at: `${element.path}/id` },
        );
      }
    };
    // In document order, so that the later of two elements is the one reported.
    const elements: AnyElement[] = [];
    for (const e of index.byPath.values()) if (e.kind !== 'spec' && e.kind !== 'system' && e.kind !== 'input') elements.push(e);
    report(elements, 'element');
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
