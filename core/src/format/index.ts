import type { CheckReport } from './check-report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { printable } from './printable.js';
import { formatStylish } from './stylish.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Output formats are pure functions from the report to text. */
export const CHECK_FORMATTERS: Record<CheckFormat, (report: CheckReport) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: (report) => formatSarif(report),
  junit: formatJunit,
  markdown: formatMarkdown,
  github: formatGithub,
};

export * from './check-report.js';
export { printable };
export { formatStylish, formatJson, formatSarif, formatJunit, formatMarkdown, formatGithub };
