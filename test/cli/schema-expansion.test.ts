import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// A 2.4 KB schema whose every level names the next twice (allOf: [$ref next, $ref next]) is 2^40
// schema nodes at 40 levels: automap and import stop with a clear error instead of running for
// minutes. (The bound itself is tested in core; this is the command's outcome.)

const $defs: Record<string, unknown> = {};
for (let i = 0; i < 40; i++) $defs[`L${i}`] = { allOf: [{ $ref: `#/$defs/L${i + 1}` }, { $ref: `#/$defs/L${i + 1}` }] };
$defs['L40'] = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
const SPEC = `specwright: 1
id: fan-out
title: Fan-out
businessCase: { summary: Fan-out, value: [{ stakeholder: Sales, benefit: None }], stakeholders: [Sales] }
systems:
  - { id: crm, name: CRM }
  - { id: web, name: Web }
useCases: []
`;

const tmp = tempDir();
const fanOut = tmp.write('fan-out.json', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: '#/$defs/L0', $defs }));
const lead = tmp.write('lead.json', JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } }));
const spec = tmp.write('spec.yaml', SPEC);
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    automap: ['automap', '--source', lead, '--target', fanOut],
    import: ['import', fanOut, '--into', spec, '--system', 'crm', '--entities', 'Customer'],
  });
}, 120_000);
afterAll(() => tmp.cleanup());

describe('a schema that expands past the bound', () => {
  it.each(['automap', 'import'])('%s: exit 2, one line naming the file and where, nothing written', (name) => {
    const run = runs[name]!;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/fan-out\.json: the schema expands to more than 1,000,000 schema nodes at \/\$defs\/L\d+\/allOf\/[01]; .* \(at \/\$defs\/L\d+\/allOf\/[01]\)$/m);
    expect(readFileSync(spec, 'utf8')).toBe(SPEC);
  });
});
