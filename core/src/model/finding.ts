/** How much a finding matters; `--fail-on` picks the lowest one that fails a check. */
export type Severity = 'error' | 'warn' | 'info';

/** A finding as every output format and every outside tool sees it (spec-format.md, "The check"). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The id of the element the finding is about; the spec's own id for the document. */
  id: string;
  /** The JSON Pointer of that element. */
  path: string;
  /** The JSON Pointer of the exact value at fault, where narrower than `path`. */
  valuePath?: string;
  file?: string;
  /** 1-based, of `valuePath` where given, else of `path`. */
  line?: number;
  column?: number;
  /** For a spec read from a Confluence page tree: the title of the page the element is on… */
  page?: string;
  /** …and the heading or table row on that page. */
  heading?: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warn: 2, info: 1 };

export function reachesSeverity(finding: Pick<Finding, 'severity'>, failOn: Severity): boolean {
  return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
}
