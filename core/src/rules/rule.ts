import type { AnyElement, SpecIndex } from '../model/spec-index.js';
import type { Severity } from '../model/finding.js';
import type { CheckContext } from './context.js';

export type { Severity };

/** The design layers, big to small; a rule belongs to the layer whose completeness it measures. */
export const LAYERS = ['businessCase', 'useCases', 'dataFlows', 'details', 'tests'] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_TITLES: Record<Layer, string> = {
  businessCase: 'Business case',
  useCases: 'Use cases',
  dataFlows: 'Data flows',
  details: 'Triggers, outcomes and mappings',
  tests: 'Test cases',
};

/** What a rule reports: the element it is about and a sentence; the checker adds the rest. */
export interface RuleFinding {
  element: AnyElement;
  message: string;
  /** JSON Pointer of the exact value at fault, when narrower than the element. */
  at?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The layer it measures; `element` rules count toward the layer of the element they name. */
  layer: Layer | 'element';
  /** One paragraph: what it checks and the design reason. It is the rule's documentation. */
  description: string;
  check(context: CheckContext): RuleFinding[];
}

/**
 * A rule that needs the test cases run (`check --run-tests`, `specwright test`): the engine
 * reports its findings from a test run, so it has no check of the model.
 */
export type RunRule = Omit<Rule, 'check'>;

export const isStaticRule = (rule: Rule | RunRule): rule is Rule => 'check' in rule;

export type { SpecIndex };
