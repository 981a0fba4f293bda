import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULE_CATALOGUE, ruleDocsUrl } from '../rules/catalogue.js';
import type { Severity } from '../model/finding.js';
import type { CheckReport } from './check-report.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warn: 'warning', info: 'note' };
const TOOL_URL = 'https://github.com/specwright-dev/specwright';

/**
 * A file path as a SARIF artifact URI: forward slashes, percent-encoded. A `:` is encoded too,
 * or `a:b.yaml` would read as a URI of scheme `a`; a Windows drive path becomes a file URI.
 */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encode = (p: string) => encodeURI(p).replace(/[?#:]/g, encodeURIComponent);
  return /^[A-Za-z]:\//.test(path) ? `file:///${path.slice(0, 2)}${encode(path.slice(2))}` : encode(path);
}

/** `--format sarif`: SARIF 2.1.0, one run, every rule of the catalogue described. */
export function formatSarif(report: CheckReport, toolVersion = '0.1.0'): string {
  const ruleIndex = new Map(RULE_CATALOGUE.map((r, i) => [r.id, i] as const));
  const rules: ReportingDescriptor[] = RULE_CATALOGUE.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description.split(/(?<=\.)\s/)[0]! },
    fullDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { layer: rule.layer },
  }));
  const results: Result[] = report.findings.map((f) => {
    const result: Result = {
      ruleId: f.rule,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(f.file ?? '') },
            ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
          },
          logicalLocations: [{ name: f.id, fullyQualifiedName: f.path === '' ? '/' : f.path, kind: 'element' }],
        },
      ],
      properties: { id: f.id, path: f.path, ...(f.valuePath !== undefined ? { valuePath: f.valuePath } : {}) },
    };
    const index = ruleIndex.get(f.rule);
    if (index !== undefined) result.ruleIndex = index;
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Specwright', informationUri: TOOL_URL, version: toolVersion, rules } },
        invocations: [
          {
            executionSuccessful: report.unreadable.length === 0,
            toolExecutionNotifications: report.unreadable.map((u) => ({
              level: 'error' as const,
              message: { text: `${u.file} ${u.message}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(u.file) },
                    ...(u.line !== undefined ? { region: { startLine: u.line, startColumn: u.column ?? 1 } } : {}),
                  },
                },
              ],
            })),
          },
        ],
        artifacts: report.files.map((f) => ({ location: { uri: artifactUri(f.file) } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
