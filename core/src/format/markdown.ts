import { ruleDocsUrl } from '../rules/catalogue.js';
import { LAYER_TITLES } from '../rules/rule.js';
import type { CheckReport } from './check-report.js';
import { describeLocation } from './check-report.js';
import { printable } from './printable.js';

const ICON = { error: '🔴 error', warn: '🟡 warning', info: '🔵 info' } as const;

/**
 * Text safe inside a Markdown table cell: no pipes, no line breaks (a lone CR is one too), no HTML,
 * and no control or invisible formatting character (written as a visible escape, as in `printable`).
 */
export function cell(text: string): string {
  return printable(oneLine(text)).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const oneLine = (text: string) => text.replace(/\r\n?|\n/g, ' ');

/**
 * A code span inside a table cell. Backslash escapes and entities are literal inside a code
 * span, so only the table's `|` is escaped (GFM splits cells before it reads code spans), and
 * the fence is one backtick longer than any run of backticks in the text.
 */
export function codeCell(text: string): string {
  const flat = printable(oneLine(text)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** `--format markdown`: a report for a pull request comment or a wiki page. */
export function formatMarkdown(report: CheckReport): string {
  const out: string[] = ['# Specwright check', ''];
  const { errors, warnings, infos } = report.summary;
  out.push(`**${errors}** errors, **${warnings}** warnings, **${infos}** infos in ${report.summary.files} file(s).`, '');
  for (const bad of report.unreadable) {
    out.push(`> **${cell(describeLocation(bad.file, bad.line, bad.column))}** ${cell(bad.message)}`, '');
  }
  for (const file of report.files) {
    out.push(`## ${cell(file.file)}`, '');
    const c = file.completeness;
    out.push(`Completeness **${Math.round(c.overall * 100)}%**, stage: **${c.stage === 'complete' ? 'complete' : LAYER_TITLES[c.stage]}**`, '');
    out.push('| Layer | Complete | Total |', '| --- | ---: | ---: |');
    for (const layer of c.layers) out.push(`| ${layer.title} | ${layer.complete} | ${layer.total} |`);
    out.push('');
    if (file.findings.length === 0) {
      out.push('No findings.', '');
      continue;
    }
    out.push('| Severity | Rule | Element | Where | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of file.findings) {
      out.push(
        `| ${ICON[f.severity]} | [${f.rule}](${ruleDocsUrl(f.rule)}) | ${codeCell(f.id || '(spec)')} | ${cell(describeLocation(undefined, f.line, f.column).replace(/^:/, 'line '))} ${codeCell(f.path || '/')} | ${cell(f.message)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
