import { describe, expect, it } from 'vitest';
import { indexSpec, runTests } from '@specwright/core';
import { exampleSpec } from '../../../test/support/examples.js';
import { runTestsSandboxed, TestSandbox } from './sandboxed-tests.js';

interface FlowSketch {
  transforms: string[];
  tests: { id: string; expect?: Record<string, unknown> }[];
}

/** A spec of flows whose mappings are the given transforms (FM-<flow>-<i> → T.f<i>), each test given S.n = 2. */
function specWith(...flows: FlowSketch[]) {
  return indexSpec({
    specwright: 1,
    id: 'sandbox',
    title: 'Sandbox',
    systems: [{ id: 's' }, { id: 't' }],
    useCases: [
      {
        id: 'UC-1',
        dataFlows: flows.map((flow, f) => ({
          id: `DF-${f}`,
          source: { system: 's', entities: ['S'] },
          target: { system: 't', entities: ['T'] },
          mappings: flow.transforms.map((transform, i) => ({ id: `FM-${f}-${i}`, target: `T.f${i}`, transform })),
          tests: flow.tests.map((t) => ({ id: t.id, given: { S: { n: 2 } }, expect: { T: t.expect ?? {} } })),
        })),
      },
    ],
  });
}

const problemsOf = (run: Awaited<ReturnType<typeof runTests>>, id: string) => run.results.find((r) => r.id === id)!.problems.map((p) => p.message);

describe('runTestsSandboxed', () => {
  it.each(['marketing-to-crm.yaml', 'order-to-erp.yaml', 'incomplete-draft.yaml'])('%s: gives the run the in-process runner gives, coverage included', async (name) => {
    const index = indexSpec(exampleSpec(name));
    expect(await runTestsSandboxed(index)).toStrictEqual(await runTests(index));
  });

  it('ends a test past its deadline, fails it alone, and runs the next in a fresh worker', async () => {
    // Each mapping stays under jsonata's own 1 s timeout; together they outlast the deadline.
    const slow = '$sum($map([1..100000], function($v) { $v % 7 }))';
    const index = specWith(
      { transforms: [slow, slow, slow, slow, slow], tests: [{ id: 'TC-slow' }] },
      { transforms: ['S.n > 1 ? S.n * 2 : 0'], tests: [{ id: 'TC-next', expect: { f0: 4 } }] },
    );
    const run = await runTestsSandboxed(index, { timeLimitMs: 200, memoryLimitMb: 256 });
    expect(run.results.map((r) => [r.id, r.status])).toStrictEqual([
      ['TC-slow', 'fail'],
      ['TC-next', 'pass'],
    ]);
    expect(problemsOf(run, 'TC-slow')).toStrictEqual(['the test could not be run: it exceeded the time limit (0.2 s)']);
    // The branch the passing test took, in the fresh worker, still counts.
    expect(run.branches.flatMap((b) => b.branches.map((branch) => [b.mapping, branch.side, branch.taken]))).toStrictEqual([
      ['FM-1-0', 'then', true],
      ['FM-1-0', 'else', false],
    ]);
  });

  it('ends a test that passes the memory ceiling, fails it alone, and runs the next', async () => {
    // A list that doubles at each step, faster than jsonata's timeout is checked; the worker holds about 12 MB to begin with.
    const index = specWith(
      { transforms: ['$count($reduce([1..40], function($list, $v) { [$list, $list] }, [1]))'], tests: [{ id: 'TC-hungry' }] },
      { transforms: ['S.n'], tests: [{ id: 'TC-next', expect: { f0: 2 } }] },
    );
    const run = await runTestsSandboxed(index, { timeLimitMs: 10_000, memoryLimitMb: 32 });
    expect(problemsOf(run, 'TC-hungry')).toStrictEqual(['the test could not be run: it exceeded the memory limit (32 MB)']);
    expect(run.results.map((r) => [r.id, r.status])).toStrictEqual([
      ['TC-hungry', 'fail'],
      ['TC-next', 'pass'],
    ]);
  });

  it('runs a spec whose document cannot be sent to a worker here, with the in-process guardrails', async () => {
    const spec = exampleSpec('order-to-erp.yaml');
    spec['x-callback'] = () => 1; // structured cloning cannot carry a function
    const index = indexSpec(spec);
    expect(await runTestsSandboxed(index)).toStrictEqual(await runTests(index));
  });

  it('runs the tests here when its worker cannot load, with the in-process guardrails', async () => {
    const index = indexSpec(exampleSpec('order-to-erp.yaml'));
    const sandbox = new TestSandbox(undefined, new URL('./no-such-worker.js', import.meta.url));
    try {
      expect(await sandbox.runTests(index)).toStrictEqual(await runTests(index));
    } finally {
      await sandbox.close();
    }
  });

  it('serves several specs from one worker, and can be closed twice', async () => {
    const sandbox = new TestSandbox();
    const a = indexSpec(exampleSpec('order-to-erp.yaml'));
    const b = indexSpec(exampleSpec('marketing-to-crm.yaml'));
    expect(await sandbox.runTests(a)).toStrictEqual(await runTests(a));
    expect(await sandbox.runTests(b)).toStrictEqual(await runTests(b));
    await sandbox.close();
    await sandbox.close();
  });
});


describe('TestSandbox between tests', () => {
  it('takes an error of a worker it has given up on (out of memory while being ended) without ending the run', async () => {
    const sandbox = new TestSandbox();
    try {
      const worker = (sandbox as unknown as { worker: import('node:worker_threads').Worker }).worker;
      // Seen in CI: a worker ended at its deadline ran out of memory first; with no listener left
      // the error was thrown as an unhandled 'error' event.
      expect(() => worker.emit('error', Object.assign(new Error('Worker terminated due to reaching memory limit'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).not.toThrow();
      const index = indexSpec(exampleSpec('marketing-to-crm.yaml'));
      expect((await sandbox.runTests(index)).summary).toStrictEqual((await runTests(index)).summary);
    } finally {
      await sandbox.close();
    }
  });
});
