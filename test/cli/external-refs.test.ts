import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// `$ref`s to other files are bundled by json-schema-ref-parser in the CLI; URLs are never fetched.

const tmp = tempDir();
tmp.write('address.json', JSON.stringify({ type: 'object', properties: { zip: { type: 'string' }, city: { type: 'string' } } }));
tmp.write('defs.yaml', 'Phone:\n  type: string\n  format: phone\n');
const customer = tmp.write(
  'customer.json',
  JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { email: { type: 'string', format: 'email' }, billing: { $ref: './address.json' }, shipping: { $ref: 'address.json' }, phone: { $ref: 'defs.yaml#/Phone' } },
  }),
);
const lead = tmp.write('lead.json', JSON.stringify({ type: 'object', properties: { emailAddress: { type: 'string' }, billingPostalCode: { type: 'string' }, mobilePhone: { type: 'string' } } }));
const remote = tmp.write('remote.json', JSON.stringify({ type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } }));
const dangling = tmp.write('dangling.json', JSON.stringify({ type: 'object', properties: { a: { $ref: './nowhere.json' } } }));
let runs: Record<'bundled' | 'remote' | 'dangling', Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    bundled: ['automap', '--source', lead, '--target', customer, '--format', 'json'],
    remote: ['automap', '--source', remote, '--target', customer],
    dangling: ['automap', '--source', dangling, '--target', customer],
  });
}, 120_000);
afterAll(() => tmp.cleanup());

describe('schemas split over several files', () => {
  it('follows $refs into other local files, JSON or YAML', () => {
    expect(runs.bundled.code).toBe(0);
    const result = JSON.parse(runs.bundled.stdout);
    const pairs = result.matches.map((m: { source: string; target: string }) => `${m.source} → ${m.target}`);
    expect(pairs).toContain('billingPostalCode → billing.zip');
    expect(pairs).toContain('emailAddress → email');
    expect(result.unmatched.target).toEqual(expect.arrayContaining(['shipping.zip', 'shipping.city']));
  });

  it('never fetches a URL, and says so in one line', () => {
    expect(runs.remote.code).toBe(2);
    expect(runs.remote.stderr).toMatch(/remote\.json: has a \$ref that cannot be resolved: .*https:\/\/example\.com\/a\.json.*URLs are not fetched/);
    expect(runs.remote.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a reference to a missing file', () => {
    expect(runs.dangling.code).toBe(2);
    expect(runs.dangling.stderr).toMatch(/dangling\.json: has a \$ref that cannot be resolved/);
    expect(runs.dangling.stderr).not.toMatch(STACK_FRAME);
  });
});
