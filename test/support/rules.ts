import type { Finding, Rule, Severity } from '@specwright/core';
// From the source, not '@specwright/core': under vitest that name resolves to core/dist, which
// is whatever was last built, and a rule test must check the rule as it is now.
import { checkSpec } from '../../core/src/check/check-spec.js';
import { exampleSpec } from './examples.js';

export { checkSpec };

/** A fresh copy of the complete marketing → CRM example: it checks with zero findings. */
export function cleanSpec(): Record<string, any> {
  return exampleSpec('marketing-to-crm.yaml');
}

/** The example's one data flow, DF-1, to break one thing at a time. */
export function firstFlow(spec: Record<string, any>): Record<string, any> {
  return spec.useCases[0].dataFlows[0];
}

/** JSON Pointers of the example's elements. */
export const SPEC = '';
export const UC1 = '/useCases/0';
export const DF1 = '/useCases/0/dataFlows/0';

/** A finding without its message: the wording is for people, the rest is the contract. */
export type Found = Omit<Finding, 'message'>;

/** Runs one rule over a document; every finding must carry a message, which is then left out. */
export function findingsOf(rule: Rule, document: unknown): Found[] {
  return checkSpec(document, { rules: [rule] }).map(({ message, ...rest }) => {
    if (typeof message !== 'string' || message.trim() === '') throw new Error(`${rule.id} reported a finding without a message`);
    return rest;
  });
}

/**
 * How a rule's findings should look: its id and severity as the contract's rule table gives them,
 * then the element `id` at `path` it is about (and the exact value at `valuePath`, where given).
 */
export function findingFor(rule: string, severity: Severity) {
  return (id: string, path: string, valuePath?: string): Found => {
    const expected: Found = { rule, severity, id, path };
    if (valuePath !== undefined) expected.valuePath = valuePath;
    return expected;
  };
}
