import { isStaticRule, type RunRule } from './rule.js';
import { RULE_TABLE } from './rule-table.js';

/** What the documentation and SARIF need to know of a rule; no check function. */
export interface RuleDoc extends RunRule {
  /** True for the rules that run the test cases (`check --run-tests`, `specwright test`). */
  needsTestRun: boolean;
}

/** Where each rule's documentation lives; a finding links to `#<rule id>`. */
export const RULE_DOCS_URL = 'https://github.com/specwright-dev/specwright/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}#${ruleId}`;
}

/** Every rule of the contract, in the order of its table. */
export const RULE_CATALOGUE: readonly RuleDoc[] = RULE_TABLE.map((rule) => {
  const { id, severity, layer, description } = rule;
  return { id, severity, layer, description, needsTestRun: !isStaticRule(rule) };
});
