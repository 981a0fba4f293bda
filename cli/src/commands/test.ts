import { buildTestReport, describeLocation, findingsFromTestRun, locateFindings, printable, sortFindings, testExitCode, TEST_FORMATS, TEST_FORMATTERS, type TestFileRun, type TestFormat, type UnreadableFile } from '@specwright/core';
import type { CliIo } from '../io.js';
import { readSpec } from '../read-spec.js';
import { TestSandbox } from '../sandbox/sandboxed-tests.js';
import { UsageError, oneOf } from '../usage.js';

export interface TestOptions {
  files: string[];
  format: TestFormat;
}

export function parseTestOptions(files: string[], values: Record<string, string | boolean | undefined>): TestOptions {
  if (files.length === 0) throw new UsageError('test needs at least one spec file, as in: specwright test spec.yaml');
  return { files, format: oneOf('--format', values['format'], TEST_FORMATS, 'stylish') };
}

/** `specwright test <file>…`: exit 1 when a test fails, 2 when a file is not a spec, else 0. */
export async function runTestCommand(options: TestOptions, io: CliIo): Promise<number> {
  const runs: TestFileRun[] = [];
  const unreadable: UnreadableFile[] = [];
  // Each test in a worker with a deadline and a memory ceiling; it starts loading now.
  const sandbox = new TestSandbox();
  try {
    for (const file of options.files) {
      const spec = await readSpec(file, io);
      if (!spec.ok) unreadable.push(spec.unreadable);
      else {
        const run = await sandbox.runTests(spec.index);
        // test-failed and test-coverage-branch, as check --run-tests reports them.
        runs.push({ file, run, findings: locateFindings(sortFindings(spec.index, findingsFromTestRun(run)), spec.locate, file) });
      }
    }
  } finally {
    await sandbox.close();
  }
  for (const bad of unreadable) io.stderr(`${printable(`${describeLocation(bad.file, bad.line, bad.column)}: ${bad.message}`)}\n`);
  const report = buildTestReport(runs, unreadable);
  io.stdout(TEST_FORMATTERS[options.format](report));
  return testExitCode(report);
}
