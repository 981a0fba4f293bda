import { businessCaseLength } from './business-case-length.js';
import { businessCaseStakeholders } from './business-case-stakeholders.js';
import { businessCaseSummary } from './business-case-summary.js';
import { businessCaseValue } from './business-case-value.js';
import { dataFlowDirection } from './data-flow-direction.js';
import { dataFlowEntities } from './data-flow-entities.js';
import { dataFlowMappings } from './data-flow-mappings.js';
import { dataFlowTrigger } from './data-flow-trigger.js';
import { entityRef } from './entity-ref.js';
import { fieldRef } from './field-ref.js';
import { idUnique } from './id-unique.js';
import { inputLabel } from './input-label.js';
import { inputRef } from './input-ref.js';
import { inputUnused } from './input-unused.js';
import { layerOrder } from './layer-order.js';
import { lookupCoverage } from './lookup-coverage.js';
import { mappingKind } from './mapping-kind.js';
import { mappingTargetDuplicate } from './mapping-target-duplicate.js';
import { outcomeAction } from './outcome-action.js';
import { outcomeFailure } from './outcome-failure.js';
import { outcomeSuccess } from './outcome-success.js';
import { requiredTargetUnmapped } from './required-target-unmapped.js';
import { specSchema } from './spec-schema.js';
import { systemRef } from './system-ref.js';
import { testCoverageMapping } from './test-coverage-mapping.js';
import { testInvalidInput } from './test-invalid-input.js';
import { testRequired } from './test-required.js';
import { transformSyntax } from './transform-syntax.js';
import { triggerBackup } from './trigger-backup.js';
import { triggerDetails } from './trigger-details.js';
import { typeMismatch } from './type-mismatch.js';
import { useCaseDataFlow } from './use-case-data-flow.js';
import { useCaseRequired } from './use-case-required.js';
import { useCaseStory } from './use-case-story.js';
import { useCaseTooBroad } from './use-case-too-broad.js';
import { useCaseTooLong } from './use-case-too-long.js';
import type { Rule } from './rule.js';

/** The static rules, in the order of the contract's rule table. */
export const RULES: readonly Rule[] = [
  specSchema,
  idUnique,
  systemRef,
  entityRef,
  fieldRef,
  inputRef,
  transformSyntax,
  mappingKind,
  mappingTargetDuplicate,
  businessCaseSummary,
  businessCaseValue,
  businessCaseStakeholders,
  businessCaseLength,
  useCaseRequired,
  useCaseStory,
  useCaseTooLong,
  useCaseDataFlow,
  useCaseTooBroad,
  dataFlowDirection,
  dataFlowEntities,
  dataFlowTrigger,
  triggerDetails,
  triggerBackup,
  outcomeSuccess,
  outcomeFailure,
  outcomeAction,
  dataFlowMappings,
  requiredTargetUnmapped,
  typeMismatch,
  lookupCoverage,
  inputLabel,
  inputUnused,
  testRequired,
  testCoverageMapping,
  testInvalidInput,
  layerOrder,
];

/**
 * Rules that need the mapping engine (a later part of core); they are in the contract and in the
 * catalogue, but the static check does not run them.
 */
export const RUN_RULE_IDS = ['test-coverage-branch', 'test-failed'] as const;

export type { Rule, RuleFinding, Severity, Layer } from './rule.js';
export { LAYERS, LAYER_TITLES } from './rule.js';
