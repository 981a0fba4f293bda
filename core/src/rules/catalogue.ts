import { RULES, type Layer, type Severity } from './index.js';

/** What the documentation and SARIF need to know of a rule; no check function. */
export interface RuleDoc {
  id: string;
  severity: Severity;
  layer: Layer | 'element';
  description: string;
  /** True for the rules that run the test cases (`check --run-tests`, `specwright test`). */
  needsTestRun: boolean;
}

/** Where each rule's documentation lives; a finding links to `#<rule id>`. */
export const RULE_DOCS_URL = 'https://github.com/specwright-dev/specwright/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}#${ruleId}`;
}

const RUN_RULES: RuleDoc[] = [
  {
    id: 'test-coverage-branch',
    severity: 'warn',
    layer: 'tests',
    description:
      'Every conditional branch of a transform (`? :` and JSONata conditionals) is taken by some test case when the tests run. A branch no test takes is a rule of the business — the Ohio tax exception, say — that nobody has seen work.',
    needsTestRun: true,
  },
  {
    id: 'test-failed',
    severity: 'error',
    layer: 'tests',
    description:
      'A test case fails when run: the mappings do not produce the expected target records, or the target would reject them, or an expected error is not reported. The spec disagrees with itself, and an engineer building from it would build the disagreement.',
    needsTestRun: true,
  },
];

/** The rule table's order in spec-format.md. */
const CONTRACT_ORDER_LIST = `spec-schema id-unique system-ref entity-ref field-ref input-ref transform-syntax mapping-kind
mapping-target-duplicate business-case-summary business-case-value business-case-stakeholders business-case-length
use-case-required use-case-story use-case-too-long use-case-data-flow use-case-too-broad data-flow-direction
data-flow-entities data-flow-trigger trigger-details trigger-backup outcome-success outcome-failure outcome-action
data-flow-mappings required-target-unmapped type-mismatch lookup-coverage input-label input-unused test-required
test-coverage-mapping test-coverage-branch test-invalid-input layer-order test-failed`;
const CONTRACT_ORDER = CONTRACT_ORDER_LIST.split(/\s+/);

/** Every rule of the contract, in the order of its table. */
export const RULE_CATALOGUE: readonly RuleDoc[] = [
  ...RULES.map(({ id, severity, layer, description }) => ({ id, severity, layer, description, needsTestRun: false })),
  ...RUN_RULES,
].sort((a, b) => CONTRACT_ORDER.indexOf(a.id) - CONTRACT_ORDER.indexOf(b.id));
