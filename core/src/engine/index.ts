/**
 * The mapping engine as building blocks: run a spec's test cases, turn a run into findings, and
 * export a data flow as one JSONata expression or its tests as fixtures.
 */
export { runTests, runTestCase, runTestCaseSafely, type TestRun, type TestResult, type TestProblem, type BranchCoverage, type TestCaseRunner, type RunTestsOptions } from './run-tests.js';
export { findingsFromTestRun } from './run-findings.js';
export { compileDataFlows, type CompiledDataFlow, type CompiledMapping, type RunProblem, type FlowRun, type EvaluationProblem, type UnwrittenTarget } from './data-flow.js';
export { dataFlowToJsonata, exportDataFlow, ExportError, type ExportedDataFlow, type SkippedMapping } from './export-jsonata.js';
export { testFixtures, type TestFixture } from './export-fixtures.js';
export type { RecordProblem, InputProblem } from './validate.js';
export type { Branch } from './transform.js';
