import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkPageTree, markdownCodec, markdownToPageTree, pageTreeToMarkdown, renderSpecToPageTree, renderTemplatePageTree } from '@specwright/core';
import { exampleSpec } from '../support/examples.js';
import { SUITE_TIMEOUT, applyEdits, describeText, edits, expectBlocks, expectFindingShapes, fuzz, hostileText, longRun, oddText } from './hostile.js';

/**
 * Markdown page files (markdownToPageTree, markdownCodec.read, and the tree through the API's
 * checkPageTree): lines generated from what the writer and people write — headings with closing
 * hashes and trailing spaces, pipe tables with escaped pipes, code spans of every fence length
 * (closed or not), `<br>` in cells, HTML comments, entities — and long runs of spaces, hashes,
 * pipes and backticks; and the rendered example with such lines put in anywhere.
 */

const inline = fc.oneof(
  { weight: 5, arbitrary: oddText },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), oddText, fc.boolean()).map(([fence, code, closed]) => `${'`'.repeat(fence)}${code}${closed ? '`'.repeat(fence) : ''}`) },
  { weight: 1, arbitrary: fc.constantFrom('\\|', '\\`', '\\\\', '<br>', '<br/>', '<!-- note -->', '<!--', '&amp;', '&constructor;', '&#x1F600;', '&', '*', '_', '[x]', '|') },
);
const cellText = fc.array(inline, { maxLength: 3 }).map((parts) => parts.join(''));
const line = fc.oneof(
  { weight: 3, arbitrary: fc.array(inline, { maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', '\t', '   ', ''), cellText, fc.constantFrom('', ' #', ' ###', '#', '  ')).map(([level, space, title, closing]) => `${'#'.repeat(level)}${space}${title}${closing}`) },
  { weight: 2, arbitrary: fc.array(cellText, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`) },
  { weight: 1, arbitrary: fc.constantFrom('|---|---|', '| :-- | --: |', '|-|', '---', '   ', '') },
);
const page = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

/** One line that is a long run: spaces inside a heading, hashes, pipes, backticks. */
const longLine = fc.tuple(fc.constantFrom('# a', '| a', 'a', '## x ', ''), longRun, fc.constantFrom('b', ' #', ' |', '')).map(([start, run, end]) => `${start}${run}${end}`);

const EXAMPLE = pageTreeToMarkdown(renderSpecToPageTree(exampleSpec('marketing-to-crm.yaml'), markdownCodec));
const TEMPLATE = pageTreeToMarkdown(renderTemplatePageTree(markdownCodec));

const file = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(EXAMPLE, TEMPLATE, TEMPLATE), fc.nat(), fc.oneof({ weight: 6, arbitrary: page }, { weight: 1, arbitrary: longLine }), edits).map(([text, at, inserted, list]) => applyEdits(text.slice(0, at % (text.length + 1)) + `\n${inserted}\n` + text.slice(at % (text.length + 1)), list)) },
  { weight: 4, arbitrary: fc.array(fc.tuple(hostileText, page), { maxLength: 3 }).map((pages) => pages.map(([title, body]) => `# ${title}\n\n${body}`).join('\n')) },
  { weight: 1, arbitrary: longLine },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

describe('fuzz: Markdown page files', () => {
  test(
    'every file splits into pages, every page reads to blocks and problems, and the tree to a report',
    () => {
      fuzz(file, (text) => describeText('Markdown', text), (text) => {
        const tree = markdownToPageTree(text);
        expect(Array.isArray(tree)).toBe(true);
        for (const entry of tree) expectBlocks(markdownCodec.read(entry.body));
        const report = checkPageTree(tree, 'markdown');
        if (report.ok) expectFindingShapes(report.findings);
        else expect(typeof report.error.message).toBe('string');
      });
    },
    SUITE_TIMEOUT,
  );
});
