import type { Finding } from '../model/finding.js';
import type { CompletenessReport } from '../check/completeness.js';
import { LAYER_TITLES, LAYERS, type Layer } from '../rules/rule.js';
import { RULE_CATALOGUE } from '../rules/catalogue.js';
import type { CheckReport, FileResult } from './check-report.js';
import { printable } from './printable.js';

const SEVERITY_WORD = { error: 'error', warn: 'warning', info: 'info' } as const;
const ruleLayer = new Map(RULE_CATALOGUE.map((r) => [r.id, r.layer] as const));

/** Which layer a finding is shown under: its rule's layer, or the layer its element's path says. */
function layerOf(finding: Finding): Layer {
  const layer = ruleLayer.get(finding.rule);
  if (layer && layer !== 'element') return layer;
  const p = finding.path;
  if (/\/tests\/\d+$/.test(p)) return 'tests';
  if (/\/(triggers|outcomes|mappings)\/\d+$/.test(p) || p.startsWith('/inputs')) return 'details';
  if (/\/dataFlows\/\d+$/.test(p) || p.startsWith('/systems')) return 'dataFlows';
  if (/^\/useCases\/\d+$/.test(p)) return 'useCases';
  return 'businessCase';
}

/** The default format, for people: per file, grouped by layer and element, then completeness. */
export function formatStylish(report: CheckReport): string {
  const lines: string[] = [];
  // Unreadable files are told on stderr by the command; the summary line counts them.
  for (const file of report.files) lines.push(...formatFile(file), '');
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  lines.push(
    total === 0 && report.unreadable.length === 0
      ? `✔ no problems in ${plural(report.files.length, 'file')}`
      : `${report.summary.failing > 0 || report.unreadable.length > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info', 'infos')})` +
          (report.unreadable.length > 0 ? `, ${plural(report.unreadable.length, 'file')} not readable` : ''),
  );
  return lines.join('\n') + '\n';
}

function formatFile(result: FileResult): string[] {
  const lines = [printable(result.file)];
  for (const layer of LAYERS) {
    const findings = result.findings.filter((f) => layerOf(f) === layer);
    if (findings.length === 0) continue;
    lines.push(`  ${LAYER_TITLES[layer]}`);
    const byElement = new Map<string, Finding[]>();
    for (const f of findings) byElement.set(f.path, [...(byElement.get(f.path) ?? []), f]);
    for (const [path, group] of byElement) {
      const first = group[0]!;
      lines.push(`    ${printable(first.id || '(spec)')}${path ? `  ${printable(path)}` : ''}`);
      const where = group.map((f) => (f.line !== undefined ? `${f.line}:${f.column ?? 1}` : ''));
      const width = Math.max(...where.map((w) => w.length));
      group.forEach((f, i) => {
        lines.push(`      ${where[i]!.padEnd(width)}  ${SEVERITY_WORD[f.severity].padEnd(7)}  ${printable(f.message)}  ${f.rule}`);
      });
    }
  }
  lines.push(...formatCompleteness(result.completeness));
  return lines;
}

export function formatCompleteness(report: CompletenessReport): string[] {
  const stage = report.stage === 'complete' ? 'complete' : `${LAYER_TITLES[report.stage]} (work here next)`;
  const lines = [`  Completeness ${percent(report.overall)}, stage: ${stage}`];
  const width = Math.max(...report.layers.map((l) => l.title.length));
  for (const layer of report.layers) {
    const mark = layer.incomplete.length === 0 ? '✔' : ' ';
    lines.push(`    ${mark} ${layer.title.padEnd(width)}  ${String(layer.complete).padStart(4)}/${String(layer.total).padEnd(4)}  ${percent(layer.ratio)}`);
  }
  return lines;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
