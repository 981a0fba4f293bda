import {
  buildCheckReport,
  checkExitCode,
  checkSource,
  checkSourceWithTests,
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
import { describeReadError, type CliIo } from '../io.js';
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
  for (const file of options.files) {
    let text: string;
    try {
      text = await io.readText(file);
    } catch (error) {
      unreadable.push({ file, message: describeReadError(error) });
      continue;
    }
    const checked = options.runTests ? await checkSourceWithTests(text, file, formatForFile(file)) : checkSource(text, file, formatForFile(file));
    if (checked.ok) {
      results.push({ file, findings: checked.findings, completeness: checked.completeness });
    } else {
      const bad: UnreadableFile = { file, message: checked.message };
      if (checked.line !== undefined) bad.line = checked.line;
      if (checked.column !== undefined) bad.column = checked.column;
      unreadable.push(bad);
    }
  }
  for (const bad of unreadable) io.stderr(`${printable(`${describeLocation(bad.file, bad.line, bad.column)}: ${bad.message}`)}\n`);
  const report = buildCheckReport(results, unreadable, options.failOn);
  io.stdout(CHECK_FORMATTERS[options.format](report));
  return checkExitCode(report);
}
