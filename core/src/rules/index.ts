import { isStaticRule, type Rule } from './rule.js';
import { RULE_TABLE } from './rule-table.js';

/** The static rules, in the order of the contract's rule table. */
export const RULES: readonly Rule[] = RULE_TABLE.filter(isStaticRule);

/**
 * Rules that need the test cases run (the engine reports them); they are in the contract and in
 * the catalogue, but the static check does not run them.
 */
export const RUN_RULE_IDS: readonly string[] = RULE_TABLE.filter((rule) => !isStaticRule(rule)).map((rule) => rule.id);

export type { Rule, RuleFinding, Severity, Layer } from './rule.js';
export { LAYERS, LAYER_TITLES } from './rule.js';
