import {
  buildCheckReport,
  checkExitCode,
  checkText,
  CHECK_FORMATS,
  CHECK_FORMATTERS,
  describeLocation,
  formatForFile,
  printable,
  type CheckFormat,
  type FileResult,
  type Severity,
  type UnreadableFile,
} from '@specwright/core';
import type { CliIo } from '../io.js';
import { unreadableFile } from '../read-spec.js';
import { TestSandbox } from '../sandbox/sandboxed-tests.js';
import { UsageError, oneOf } from '../usage.js';

export interface CheckOptions {
  files: string[];
  format: CheckFormat;
  failOn: Severity;
  runTests: boolean;
}

export function parseCheckOptions(files: string[], values: Record<string, string | boolean | undefined>): CheckOptions {
  if (files.length === 0) throw new UsageError('check needs at least one spec file, as in: specwright check spec.yaml');
  return {
    files,
    format: oneOf('--format', values['format'], CHECK_FORMATS, 'stylish'),
    failOn: oneOf('--fail-on', values['fail-on'], ['error', 'warn', 'info'] as const, 'error'),
    runTests: values['run-tests'] === true,
  };
}

/** `specwright check <file>…`: exit 0 clean, 1 a finding reaches --fail-on, 2 a file is not a spec. */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const results: FileResult[] = [];
  const unreadable: UnreadableFile[] = [];
  // --run-tests: each test in a worker with a deadline and a memory ceiling; it starts loading now.
  const sandbox = options.runTests ? new TestSandbox() : undefined;
  for (const file of options.files) {
    let text: string;
    try {
      text = await io.readText(file);
    } catch (error) {
      unreadable.push(unreadableFile(file, error));
      continue;
    }
    const format = formatForFile(file);
    const checked = sandbox ? await checkText(text, { file, format, runTests: true, testRunner: (index) => sandbox.runTests(index) }) : checkText(text, { file, format });
    if (checked.ok) {
      results.push({ file, findings: checked.findings, completeness: checked.completeness });
    } else {
      unreadable.push({ file, ...checked.error });
    }
  }
  await sandbox?.close();
  for (const bad of unreadable) io.stderr(`${printable(`${describeLocation(bad.file, bad.line, bad.column)}: ${bad.message}`)}\n`);
  const report = buildCheckReport(results, unreadable, options.failOn);
  io.stdout(CHECK_FORMATTERS[options.format](report));
  return checkExitCode(report);
}
