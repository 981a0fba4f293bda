import { describe, expect, it } from 'vitest';
import { exampleSpec } from '../../../test/support/examples.js';
import type { Block, BlockPage, Cell } from './page-tree.js';
import { readSpecPages } from './read-pages.js';
import { renderSpecPages } from './render-pages.js';

// Hand-edited pages, in the block model every representation reads into.

const spec = () => exampleSpec('marketing-to-crm.yaml');
const ROOT = 'X Marketing → Y CRM';
const CHILD = 'UC-1: Create a CRM customer on conversion';
const FLOW = 'heading "Conversion event → CRM customer"';

type Table = Block & { kind: 'table' };
const text = (cell: Cell | undefined) => (cell?.paragraphs ?? []).flat().map((item) => item.text).join('');
const cellOf = (value: string): Cell => ({ paragraphs: [[{ kind: 'text', text: value }]] });

function pages(): BlockPage[] {
  return renderSpecPages(spec());
}

/** The table that follows a heading on a page. */
function tableAfter(tree: BlockPage[], page: string, heading: string): Table {
  const body = tree.find((candidate) => candidate.title === page)!.body;
  const at = body.findIndex((block) => block.kind === 'heading' && block.text === heading);
  return body.slice(at).find((block): block is Table => block.kind === 'table')!;
}

describe('readSpecPages on hand-edited pages', () => {
  it('reads the rendered pages back without findings', () => {
    expect(readSpecPages(pages())).toStrictEqual({ spec: spec(), findings: [] });
  });

  it('reads columns in another order, and headers in other case', () => {
    const tree = pages();
    const table = tableAfter(tree, CHILD, 'Field mappings');
    table.rows = table.rows.map((row) => [...row].reverse());
    table.rows[0]![0] = cellOf('DESCRIPTION');
    expect(readSpecPages(tree)).toStrictEqual({ spec: spec(), findings: [] });
  });

  it('reports an extra column by page and heading, and reads the rest', () => {
    const tree = pages();
    const table = tableAfter(tree, CHILD, 'Field mappings');
    table.rows.forEach((row, index) => row.push(cellOf(index === 0 ? 'Notes' : 'ask Dana')));
    const result = readSpecPages(tree);
    expect(result.spec).toStrictEqual(spec());
    expect(result.findings).toStrictEqual([
      { page: CHILD, at: `${FLOW} › "Field mappings"`, message: expect.stringMatching(/^the column "Notes" is not part of the template/) },
    ]);
  });

  it('keeps an extra x- column as an extension key', () => {
    const tree = pages();
    const table = tableAfter(tree, CHILD, 'Field mappings');
    table.rows.forEach((row, index) => row.push(cellOf(index === 0 ? 'x-owner' : index === 1 ? 'Dana' : '')));
    const expected = spec();
    expected.useCases[0].dataFlows[0].mappings[0]['x-owner'] = 'Dana';
    expect(readSpecPages(tree)).toStrictEqual({ spec: expected, findings: [] });
  });

  it('reports a merged cell with the row it is in', () => {
    const tree = pages();
    const table = tableAfter(tree, CHILD, 'Field mappings');
    const row = table.rows[2]!;
    row.splice(3, 2, { ...row[3]!, span: true });
    const { findings } = readSpecPages(tree);
    expect(findings.map((finding) => [finding.page, finding.at])).toStrictEqual([
      [CHILD, `${FLOW} › "Field mappings" row 3 (FM-2)`],
      [CHILD, `${FLOW} › "Field mappings" row 3 (FM-2)`],
    ]);
    expect(findings[0]!.message).toMatch(/merged cell/);
  });

  it('reports a deleted heading: the table it held is not lost silently', () => {
    const tree = pages();
    const child = tree.find((page) => page.title === CHILD)!;
    child.body = child.body.filter((block) => !(block.kind === 'heading' && block.text === 'Field mappings'));
    const { spec: read, findings } = readSpecPages(tree);
    expect((read as any).useCases[0].dataFlows[0].mappings).toBeUndefined();
    expect(findings).toStrictEqual([
      { page: CHILD, at: `${FLOW} › "Outcomes"`, message: expect.stringMatching(/^a table \(Id \| Source \| Target .*is not where the template expects it/) },
    ]);
  });

  it('reports a deleted root heading, and a heading that is not in the template', () => {
    const tree = pages();
    const root = tree[0]!;
    root.body = root.body.map((block) => (block.kind === 'heading' && block.text === 'Systems' ? { ...block, text: 'Our systems' } : block));
    const { findings } = readSpecPages(tree);
    expect(findings.map((finding) => [finding.page, finding.at ?? null])).toStrictEqual([
      [ROOT, 'heading "Our systems"'],
      [ROOT, null],
    ]);
    expect(findings[1]!.message).toMatch(/no "Systems" heading/);
  });

  it('reports a row value a column cannot hold, and keeps it as text', () => {
    const tree = pages();
    const table = tableAfter(tree, ROOT, 'End-user inputs');
    table.rows[1]![5] = cellOf('maybe');
    const { spec: read, findings } = readSpecPages(tree);
    expect((read as any).inputs[0].required).toBe('maybe');
    expect(findings).toStrictEqual([{ page: ROOT, at: 'heading "End-user inputs" row 2 (defaultOwner)', message: 'Required: "maybe" is not yes or no; it is kept as text' }]);
  });

  it('skips empty rows and reads yes/no, true/false', () => {
    const tree = pages();
    const table = tableAfter(tree, ROOT, 'End-user inputs');
    table.rows.push(table.rows[0]!.map(() => cellOf(' ')));
    table.rows[1]![5] = cellOf('TRUE');
    expect(readSpecPages(tree)).toStrictEqual({ spec: spec(), findings: [] });
  });

  it('reports a child page that the use-case table does not name, and a row whose page is missing', () => {
    const tree = pages();
    tree.push({ title: 'Notes', parent: ROOT, body: [] });
    tree.splice(1, 1);
    const { findings } = readSpecPages(tree);
    expect(findings.map((finding) => finding.page)).toStrictEqual([ROOT, 'Notes']);
    expect(findings[0]).toStrictEqual({ page: ROOT, at: 'heading "Use cases" row 2 (UC-1)', message: 'there is no child page titled "UC-1: Create a CRM customer on conversion", so this use case has no story or data flows' });
  });

  it('reports a page nested below a use-case page', () => {
    const tree = pages();
    tree.push({ title: 'Meeting notes', parent: CHILD, body: [] });
    expect(readSpecPages(tree)).toStrictEqual({ spec: spec(), findings: [{ page: 'Meeting notes', message: expect.stringMatching(/below a use-case page/) }] });
  });

  it('names no root page as a finding', () => {
    expect(readSpecPages([{ title: 'a', parent: 'b', body: [] }])).toStrictEqual({ spec: undefined, findings: [{ page: '(none)', message: expect.stringMatching(/no root page/) }] });
  });

  it('reads a status lozenge typed in capitals', () => {
    const tree = pages();
    const props = tree[0]!.body[0] as Table;
    const status = props.rows.find((row) => text(row[0]) === 'Status')!;
    status[1] = { paragraphs: [[{ kind: 'status', text: 'APPROVED', color: 'green' }]] };
    expect((readSpecPages(tree).spec as any).status).toBe('approved');
  });
});
