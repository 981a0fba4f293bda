import type { CheckReport } from './check-report.js';

/** `--format json`: `{"findings":[…], "completeness":{…}, "summary":{…}}` (+ `unreadable` when any). */
export function formatJson(report: CheckReport): string {
  const out: Record<string, unknown> = {
    findings: report.findings,
    completeness: report.completeness,
    summary: report.summary,
  };
  if (report.unreadable.length > 0) out['unreadable'] = report.unreadable;
  return JSON.stringify(out, null, 2) + '\n';
}
