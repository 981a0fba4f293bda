/**
 * The worker side of the test sandbox (sandboxed-tests.ts): it indexes the spec document it is
 * given once, then runs the test cases asked for, one message each, and answers with the result
 * and the transform branches the test took. The main thread holds the deadline and can end this
 * thread at any point; the thread's resource limits hold the memory ceiling.
 */
import { parentPort } from 'node:worker_threads';
import { compileDataFlows, indexSpec, runTestCaseSafely, type CompiledDataFlow, type DataFlowElement, type SpecIndex } from '@specwright/core';
import type { FromWorker, ToWorker } from './protocol.js';

let index: SpecIndex | undefined;
const compiled = new Map<DataFlowElement, CompiledDataFlow>();

async function run(test: number): Promise<FromWorker> {
  const element = index?.tests[test];
  if (!index || !element) return { kind: 'failed', test, message: `no test case ${test} in the document` };
  let flow = compiled.get(element.dataFlow);
  if (!flow) {
    flow = compileDataFlows(index, [element.dataFlow])[0]!;
    compiled.set(element.dataFlow, flow);
  }
  const taken = new Map<string, Set<string>>();
  const result = await runTestCaseSafely(flow, element, taken);
  return { kind: 'result', test, result, taken: [...taken].map(([mapping, keys]) => [mapping, [...keys]]) };
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'init') {
    index = indexSpec(message.document);
    compiled.clear();
    return;
  }
  // The deadline runs from here: starting the worker and reading the document do not count.
  parentPort!.postMessage({ kind: 'started', test: message.test } satisfies FromWorker);
  run(message.test).then(
    (answer) => parentPort!.postMessage(answer),
    (error: unknown) => parentPort!.postMessage({ kind: 'failed', test: message.test, message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
  );
});
