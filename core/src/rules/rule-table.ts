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
import { testCoverageBranch } from './test-coverage-branch.js';
import { testCoverageMapping } from './test-coverage-mapping.js';
import { testFailed } from './test-failed.js';
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
import type { Rule, RunRule } from './rule.js';

/**
 * Every rule of the contract, in the order of its rule table (spec-format.md, "The check"): the
 * one place that order is written. `RULES`, `RULE_CATALOGUE` and the order of findings follow it.
 */
export const RULE_TABLE: readonly (Rule | RunRule)[] = [
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
  testCoverageBranch,
  testInvalidInput,
  layerOrder,
  testFailed,
];
