import { combineCompleteness, type CompletenessReport } from '../check/completeness.js';
import { reachesSeverity, type Finding, type Severity } from '../model/finding.js';

/** A file that could not be read as a spec at all (exit code 2). */
export interface UnreadableFile {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  completeness: CompletenessReport;
}

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  failOn: Severity;
  /** How many findings reach the fail-on severity. */
  failing: number;
  unreadable: number;
}

/** Everything one `specwright check` run says, whatever the output format. */
export interface CheckReport {
  files: FileResult[];
  findings: Finding[];
  completeness: CompletenessReport & { files: Record<string, CompletenessReport> };
  summary: CheckSummary;
  unreadable: UnreadableFile[];
}

export function buildCheckReport(files: FileResult[], unreadable: UnreadableFile[], failOn: Severity): CheckReport {
  const findings = files.flatMap((f) => f.findings);
  const combined = files.length > 0 ? combineCompleteness(files.map((f) => f.completeness)) : { overall: 0, stage: 'businessCase' as const, layers: [] };
  return {
    files,
    findings,
    completeness: { ...combined, files: Object.fromEntries(files.map((f) => [f.file, f.completeness])) },
    summary: {
      files: files.length + unreadable.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warn').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      failOn,
      failing: findings.filter((f) => reachesSeverity(f, failOn)).length,
      unreadable: unreadable.length,
    },
    unreadable,
  };
}

/** The exit code the contract gives: 2 for an unreadable file, 1 for a finding at fail-on, else 0. */
export function checkExitCode(report: CheckReport): 0 | 1 | 2 {
  if (report.unreadable.length > 0) return 2;
  return report.summary.failing > 0 ? 1 : 0;
}

/** "file:line:column" where known. */
export function describeLocation(file: string | undefined, line?: number, column?: number): string {
  let out = file ?? '';
  if (line !== undefined) out += `:${line}`;
  if (line !== undefined && column !== undefined) out += `:${column}`;
  return out;
}
