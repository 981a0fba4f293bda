import type { CheckReport } from './check-report.js';
import { printable } from './printable.js';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

/**
 * GitHub's workflow-command escaping: data escapes %, CR, LF; properties also : and ,. The log
 * viewer (which interprets ANSI escapes) and the annotation show the text to people, so it is made
 * printable first, which also writes CR and LF as visible escapes: an annotation is one line.
 */
const escapeData = (s: string) => printable(s).replace(/%/g, '%25');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `--format github`: one workflow annotation per finding, shown inline on the pull request. */
export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const bad of report.unreadable) {
    const props = [`file=${escapeProperty(bad.file)}`];
    if (bad.line !== undefined) props.push(`line=${bad.line}`, `col=${bad.column ?? 1}`);
    props.push(`title=${escapeProperty('specwright: not a readable spec')}`);
    lines.push(`::error ${props.join(',')}::${escapeData(bad.message)}`);
  }
  for (const f of report.findings) {
    const props = [`file=${escapeProperty(f.file ?? '')}`];
    if (f.line !== undefined) props.push(`line=${f.line}`, `col=${f.column ?? 1}`);
    props.push(`title=${escapeProperty(`${f.rule} (${f.id || 'spec'})`)}`);
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
