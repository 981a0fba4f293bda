import { Worker } from 'node:worker_threads';
import { runTestCaseSafely, runTests, type CompiledDataFlow, type SpecIndex, type TestElement, type TestResult, type TestRun } from '@specwright/core';
import type { FromWorker, ToWorker } from './protocol.js';

/**
 * Test runs with hard limits. In-process, a transform is bounded only by the guardrails jsonata
 * and the engine apply between and inside its steps; here each test case runs in a worker
 * thread with a memory ceiling (`resourceLimits`) and a wall-clock deadline, and a worker that
 * passes either is ended, so that test fails alone ("exceeded the time limit (10 s)") and the
 * run goes on in a fresh worker. One worker serves the whole command while tests behave:
 * starting one (loading core) costs a few hundred milliseconds here, so not one per test.
 */

export interface SandboxLimits {
  /** Wall-clock milliseconds one test case may take, from when the worker starts it. */
  timeLimitMs: number;
  /** Megabytes of heap (V8's old generation) the worker may use. */
  memoryLimitMb: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeLimitMs: 10_000, memoryLimitMb: 256 };

/** How long a worker may take to start and read the document, on top of a test's own limit. */
const WORKER_START_ALLOWANCE_MS = 10_000;

/** A worker's answer, or that it could not start the test at all. */
type Answer = Exclude<FromWorker, { kind: 'started' }> | { kind: 'unavailable' };

/** Under vitest this module runs from its source; the worker is the built one (npm test builds first). */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('../../dist/sandbox/test-worker.js', import.meta.url) : new URL('./test-worker.js', import.meta.url);

/**
 * Runs specs' test cases in a worker. The worker starts when the sandbox is made, so that it
 * loads while the command reads and checks the spec; `close` ends it (the process would
 * otherwise wait for it).
 */
export class TestSandbox {
  private worker: Worker | undefined;
  /** The document the current worker holds (a fresh worker is given it again). */
  private loaded: SpecIndex | undefined;
  /** Set when no worker can serve: none can start, or a document cannot be sent. Tests then run here. */
  private inProcess = false;
  /** Workers that have started a test: they load and run, so a later failure is the test's. */
  private readonly served = new WeakSet<Worker>();
  /** Specs whose document structured cloning cannot carry to a worker: they run here. */
  private readonly unsendable = new WeakSet<SpecIndex>();

  /** `workerUrl` is the worker's module: tests give one that cannot load, to see the run go on here. */
  constructor(
    private readonly limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
    private readonly workerUrl: URL = WORKER_URL,
  ) {
    this.startWorker();
  }

  /** `runTests` for a spec, each test case in the worker: the same run, coverage included. */
  async runTests(index: SpecIndex): Promise<TestRun> {
    const positions = new Map<TestElement, number>(index.tests.map((test, i) => [test, i]));
    return runTests(index, index.dataFlows, { runTestCase: (flow, test, taken) => this.run(index, positions.get(test)!, flow, test, taken) });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate().catch(() => {});
  }

  private async run(index: SpecIndex, position: number, flow: CompiledDataFlow, test: TestElement, taken: Map<string, Set<string>>): Promise<TestResult> {
    const worker = this.workerHolding(index);
    if (!worker) return runTestCaseSafely(flow, test, taken);
    const answer = await this.ask(worker, position);
    if (answer.kind === 'unavailable') {
      // The worker could not even start a test (its module would not load, say): run here from now on.
      this.inProcess = true;
      return runTestCaseSafely(flow, test, taken);
    }
    if (answer.kind === 'result') {
      for (const [mapping, keys] of answer.taken) {
        const set = taken.get(mapping) ?? new Set<string>();
        for (const key of keys) set.add(key);
        taken.set(mapping, set);
      }
      return answer.result;
    }
    return failedTest(test, answer.message);
  }

  private startWorker(): Worker | undefined {
    if (this.inProcess) return undefined;
    try {
      // No inherited flags: under vitest they would resolve core to its TypeScript sources.
      this.worker = new Worker(this.workerUrl, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryLimitMb } });
      // An idle worker never holds the process open (a running test's deadline timer does).
      this.worker.unref();
      // A worker's error outside a test's own listener (it ran out of memory while being ended
      // after its deadline, say) concerns a worker already given up: without a listener, Node
      // would throw it as an unhandled 'error' event and end the whole run.
      this.worker.on('error', () => {});
      this.loaded = undefined;
    } catch {
      this.inProcess = true; // no worker threads here: the in-process guardrails still apply
    }
    return this.worker;
  }

  private workerHolding(index: SpecIndex): Worker | undefined {
    if (this.unsendable.has(index)) return undefined;
    const worker = this.worker ?? this.startWorker();
    if (!worker || this.loaded === index) return worker;
    try {
      worker.postMessage({ kind: 'init', document: index.raw } satisfies ToWorker);
      this.loaded = index;
      return worker;
    } catch {
      this.unsendable.add(index); // a function in the document, say
      return undefined;
    }
  }

  /** One test in the worker: its answer, or why the worker had to be ended (a fresh one serves the next). */
  private ask(worker: Worker, test: number): Promise<Answer> {
    const fresh = !this.served.has(worker);
    return new Promise((resolve) => {
      const seconds = this.limits.timeLimitMs / 1000;
      const overTime = () => finish({ kind: 'failed', test, message: `it exceeded the time limit (${seconds} s)` }, true);
      // The test's own deadline starts when the worker starts it; until then, the start allowance holds.
      let timer = setTimeout(overTime, this.limits.timeLimitMs + WORKER_START_ALLOWANCE_MS);
      let started = false;
      const finish = (answer: Answer, end: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (end) {
          if (this.worker === worker) this.worker = undefined;
          worker.terminate().catch(() => {}); // it is being given up: how it ends does not matter
        }
        resolve(answer);
      };
      const onMessage = (message: FromWorker) => {
        if (message.test !== test) return;
        if (message.kind === 'started') {
          started = true;
          this.served.add(worker);
          clearTimeout(timer);
          timer = setTimeout(overTime, this.limits.timeLimitMs);
        } else finish(message, false);
      };
      const onError = (error: Error & { code?: string }) => {
        if (fresh && !started && error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return finish({ kind: 'unavailable' }, true);
        const why = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it exceeded the memory limit (${this.limits.memoryLimitMb} MB)` : `its worker failed: ${error.message}`;
        finish({ kind: 'failed', test, message: why }, true);
      };
      const onExit = (code: number) => finish({ kind: 'failed', test, message: `its worker stopped (exit code ${code})` }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ kind: 'run', test } satisfies ToWorker);
    });
  }
}

/** `runTests` for one spec in a sandbox of its own. */
export async function runTestsSandboxed(index: SpecIndex, limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS): Promise<TestRun> {
  const sandbox = new TestSandbox(limits);
  try {
    return await sandbox.runTests(index);
  } finally {
    await sandbox.close();
  }
}

/** A test the sandbox had to stop, in the shape of the in-process runner's "could not be run". */
function failedTest(test: TestElement, why: string): TestResult {
  const message = `the test could not be run: ${why}`;
  const result: TestResult = { id: test.id, dataFlow: test.dataFlow.id, path: test.path, status: 'fail', problems: [{ kind: 'unexpected-error', code: 'run', message }], reported: [], records: {} };
  if (test.value.title !== undefined) result.title = test.value.title;
  return result;
}
