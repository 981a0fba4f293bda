import type { TestResult } from '@specwright/core';

/** Main thread → test worker: the spec document once, then test cases by their place in the index. */
export type ToWorker = { kind: 'init'; document: unknown } | { kind: 'run'; test: number };

/** Test worker → main thread: a test's result and the branches it took (mapping id → branch keys). */
export type FromWorker =
  | { kind: 'started'; test: number }
  | { kind: 'result'; test: number; result: TestResult; taken: [string, string[]][] }
  | { kind: 'failed'; test: number; message: string };
