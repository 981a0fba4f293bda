import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/examples.js';
import { CLEAN } from './fixtures.js';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// `specwright automap` and `specwright import` as processes: formats, exit codes, files written.

const tmp = tempDir('specwright-automap-');
const CASE = join(repoRoot, 'datasets', 'automap-dev', 'hubspot-contact__klaviyo-profile.json');
const caseFile = tmp.write(
  'case.json',
  JSON.stringify({
    name: 'contact__profile',
    description: 'test case',
    source: { system: 'CRM', entity: 'Contact', schema: { type: 'object', properties: { email: { type: 'string', format: 'email' }, firstName: { type: 'string' }, company: { type: 'string' } } } },
    target: { system: 'Shop', entity: 'Customer', schema: { type: 'object', properties: { email: { type: 'string' }, firstName: { type: 'string' }, points: { type: 'integer' } } } },
    matches: [{ source: 'email', target: 'email' }],
  }),
);
const samples = tmp.write('leads.jsonl', '{"email":"a@b.co","firstName":"Ann"}\n{"email":"c@d.co","firstName":"Bo","age":3}\n');
const openapi = tmp.write(
  'crm.yaml',
  `openapi: 3.0.3
info: { title: CRM, version: '1' }
paths: {}
components:
  schemas:
    Address:
      type: object
      properties:
        type: { type: string }
        line1: { type: string, nullable: true }
    Customer:
      type: object
      required: [email, ownerId]
      properties:
        email: { type: string, format: email, description: Primary email }
        firstName: { type: string }
        ownerId: { type: string }
        kind: { type: string }
        stage: { type: string, enum: [Lead, Engaged] }
        addresses: { type: array, items: { $ref: '#/components/schemas/Address' } }
`,
);
const openapiNoFirstName = tmp.write('crm-short.yaml', readFileSync(openapi, 'utf8').replace('        firstName: { type: string }\n', ''));
const circular = tmp.write('circular.json', JSON.stringify({ type: 'object', properties: { node: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } } }));
const badJson = tmp.write('bad.json', '{"type": "object",,}');
const WITHOUT_Y_ENTITIES = CLEAN.replace(/( {2}- id: y\n {4}name: Y CRM\n)(?: {4}entities:\n(?: {6,}.*\n)+)/, '$1');
if (WITHOUT_Y_ENTITIES === CLEAN) throw new Error('fixture edit did not apply');
const specFor = (name: string) => tmp.write(name, WITHOUT_Y_ENTITIES);
const intoClean = specFor('into-clean.yaml');
const intoShort = specFor('into-short.yaml');
const intoNoSystem = specFor('into-no-system.yaml');
const intoExisting = tmp.write('into-existing.yaml', CLEAN);
const intoReplace = tmp.write('into-replace.yaml', CLEAN);
const jsonSpecText = JSON.stringify({ specwright: 1, id: 'j', title: 'J', systems: [{ id: 'a' }, { id: 'b' }] }, null, 4);
const intoJson = tmp.write('into.json', jsonSpecText);
const githubApi = tmp.write(
  'github.yaml',
  `openapi: 3.0.3
info: { title: GitHub, version: '1' }
paths: {}
components:
  schemas:
    simple-user:
      type: object
      required: [login]
      properties:
        login: { type: string }
        name: { type: string }
`,
);
const intoAs = specFor('into-as.yaml');
const intoHyphen = specFor('into-hyphen.yaml');
const intoAsMany = specFor('into-as-many.yaml');
const intoAsBad = specFor('into-as-bad.yaml');
const memoryDir = join(tmp.dir, 'memory');
const memorySpec = tmp.write('memory.yaml', CLEAN);

type RunName = 'json' | 'table' | 'yaml' | 'memory' | 'memoryMissing' | 'specEntity' | 'specUnknown' | 'openapi' | 'openapiUnknown' | 'missing' | 'circular' | 'badJson' | 'noTarget' | 'badFormat' | 'importClean' | 'importShort' | 'importNoSystem' | 'importExisting' | 'importReplace' | 'importJson' | 'importBad' | 'importAs' | 'importHyphen' | 'importAsMany' | 'importAsBad' | 'importAsEmpty' | 'checkClean' | 'checkShort' | 'checkReplace';
let runs: Record<RunName, Run>;
const specText = (file: string) => readFileSync(file, 'utf8');
let before: Record<string, string>;

beforeAll(async () => {
  ensureBuilt();
  const { mkdirSync, copyFileSync } = await import('node:fs');
  mkdirSync(memoryDir);
  copyFileSync(memorySpec, join(memoryDir, 'a.yaml'));
  tmp.write('memory/notes.json', '[1, 2]');
  before = { noSystem: specText(intoNoSystem), existing: specText(intoExisting), asMany: specText(intoAsMany), asBad: specText(intoAsBad) };
  const first = await specwrightMany({
    json: ['automap', '--source', CASE, '--target', CASE, '--format', 'json'],
    table: ['automap', '--source', caseFile, '--target', caseFile],
    yaml: ['automap', '--source', caseFile, '--target', caseFile, '--format', 'yaml'],
    memory: ['automap', '--source', caseFile, '--target', caseFile, '--format', 'json', '--memory', memorySpec, '--memory', memoryDir],
    memoryMissing: ['automap', '--source', caseFile, '--target', caseFile, '--memory', join(tmp.dir, 'nope.yaml')],
    specEntity: ['automap', '--source', `${memorySpec}#x/ConversionEvent`, '--target', `${memorySpec}#y/Customer`, '--format', 'json'],
    specUnknown: ['automap', '--source', `${memorySpec}#y/Nobody`, '--target', caseFile],
    openapi: ['automap', '--source', samples, '--target', `${openapi}#Customer`, '--format', 'json'],
    openapiUnknown: ['automap', '--source', samples, '--target', `${openapi}#Customr`],
    missing: ['automap', '--source', join(tmp.dir, 'no-such.json'), '--target', caseFile],
    circular: ['automap', '--source', circular, '--target', caseFile],
    badJson: ['automap', '--source', badJson, '--target', caseFile],
    noTarget: ['automap', '--source', caseFile],
    badFormat: ['automap', '--source', caseFile, '--target', caseFile, '--format', 'xml'],
    importClean: ['import', `${openapi}`, '--into', intoClean, '--system', 'y', '--entities', 'Customer'],
    importShort: ['import', `${openapiNoFirstName}#Customer`, '--into', intoShort, '--system', 'y'],
    importNoSystem: ['import', openapi, '--into', intoNoSystem, '--system', 'zz', '--entities', 'Customer'],
    importExisting: ['import', openapi, '--into', intoExisting, '--system', 'y', '--entities', 'Customer'],
    importReplace: ['import', openapi, '--into', intoReplace, '--system', 'y', '--entities', 'Customer', '--replace'],
    importJson: ['import', samples, '--into', intoJson, '--system', 'a', '--entities', 'Lead'],
    importBad: ['import', circular, '--into', intoJson, '--system', 'b'],
    importAs: ['import', `${githubApi}#simple-user`, '--into', intoAs, '--system', 'y', '--as', 'SimpleUser'],
    importHyphen: ['import', githubApi, '--into', intoHyphen, '--system', 'y'],
    importAsMany: ['import', openapi, '--into', intoAsMany, '--system', 'y', '--as', 'Thing'],
    importAsBad: ['import', `${openapi}#Customer`, '--into', intoAsBad, '--system', 'y', '--as', 'crm.Customer'],
    importAsEmpty: ['import', `${openapi}#Customer`, '--into', intoAsBad, '--system', 'y', '--as', ''],
  });
  const checks = await specwrightMany({
    checkClean: ['check', intoClean, '--format', 'json'],
    checkShort: ['check', intoShort, '--format', 'json'],
    checkReplace: ['check', intoReplace],
  });
  runs = { ...first, ...checks };
}, 120_000);
afterAll(() => tmp.cleanup());

const oneLineError = (run: Run, pattern: RegExp) => {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(STACK_FRAME);
};

describe('specwright automap', () => {
  it('prints json for a dataset case file, reading source.schema and target.schema', () => {
    expect(runs.json.code).toBe(0);
    const out = JSON.parse(runs.json.stdout);
    expect(out.matches).toContainEqual(expect.objectContaining({ source: 'email', target: 'email' }));
    for (const m of out.matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(m.reasons)).toBe(true);
    }
    // Every leaf is either matched or unmatched, in the paths of the schema root (whatever the matcher picks).
    const targets = [...out.matches.map((m: { target: string }) => m.target), ...out.unmatched.target];
    expect(targets).toContain('location.zip');
    expect(new Set(targets).size).toBe(17);
    expect([...out.matches.map((m: { source: string }) => m.source), ...out.unmatched.source]).toContain('zip');
    expect(out.entities).toMatchObject({ source: { name: 'contact', system: 'HubSpot', fields: 17 }, target: { name: 'Profile', system: 'Klaviyo', fields: 17 } });
  });

  it('prints a table for people', () => {
    expect(runs.table.code).toBe(0);
    expect(runs.table.stdout).toMatch(/^Contact \(CRM\) → Customer \(Shop\)/);
    expect(runs.table.stdout).toMatch(/score\s+source\s+target\s+why/);
    expect(runs.table.stdout).toMatch(/Unmatched target fields \(\d+\): .*points/);
  });

  it('prints ready-to-paste yaml mappings with entity names', () => {
    expect(runs.yaml.code).toBe(0);
    expect(runs.yaml.stdout).toMatch(/^mappings:$/m);
    expect(runs.yaml.stdout).toContain('  - target: Customer.email\n    source: Contact.email\n');
  });

  it('reads accepted mappings from spec files and folders with --memory', () => {
    expect(runs.memory.code).toBe(0);
    expect(JSON.parse(runs.memory.stdout).matches.length).toBeGreaterThan(0);
    oneLineError(runs.memoryMissing, /nope\.yaml: cannot be read: there is no such file/);
  });

  it('reads <spec>#<system>/<Entity>, OpenAPI names and sample records', () => {
    expect(runs.specEntity.code).toBe(0);
    expect(JSON.parse(runs.specEntity.stdout).entities).toMatchObject({ source: { name: 'ConversionEvent', system: 'x' }, target: { name: 'Customer', system: 'y' } });
    oneLineError(runs.specUnknown, /memory\.yaml: system "y" declares no entity "Nobody" \(it has: Customer\) \(at \/systems\/1\/entities\)/);
    expect(runs.openapi.code).toBe(0);
    const out = JSON.parse(runs.openapi.stdout);
    expect(out.matches).toContainEqual(expect.objectContaining({ source: 'email', target: 'email' }));
    expect([...out.matches.map((m: { target: string }) => m.target), ...out.unmatched.target]).toContain('addresses[].line1');
    oneLineError(runs.openapiUnknown, /crm\.yaml: there is no schema named "Customr" under \/components\/schemas; it has: Address, Customer \(at \/components\/schemas\/Customr\)/);
  });

  it('exits 2 with one line on unreadable or malformed input', () => {
    oneLineError(runs.missing, /no-such\.json: cannot be read: there is no such file/);
    oneLineError(runs.circular, /circular\.json: \$ref "#\/\$defs\/Node" is circular .* \(at \/\$defs\/Node\/properties\/next\/\$ref\)/);
    oneLineError(runs.badJson, /bad\.json:1:\d+: is not valid JSON/);
    expect(runs.noTarget.code).toBe(2);
    expect(runs.noTarget.stderr).toMatch(/automap needs --source <schema> and --target <schema>/);
    expect(runs.badFormat.code).toBe(2);
    expect(runs.badFormat.stderr).toMatch(/--format must be one of json, table, yaml/);
  });
});

describe('specwright import', () => {
  it('adds the entities to the spec, which then checks clean with field references checked', () => {
    expect(runs.importClean.code).toBe(0);
    expect(runs.importClean.stderr).toMatch(/added Customer \(\d+ fields\) in system y/);
    const text = specText(intoClean);
    expect(text).toMatch(/path: email\n\s+type: string\n\s+format: email\n\s+required: true\n\s+description: Primary email/);
    expect(text).toContain('addresses[].line1');
    expect(runs.checkClean.code).toBe(0);
    expect(JSON.parse(runs.checkClean.stdout).findings).toEqual([]);
  });

  it('makes a mapping to an undeclared field a field-ref error', () => {
    expect(runs.importShort.code).toBe(0);
    expect(runs.checkShort.code).toBe(1);
    const findings = JSON.parse(runs.checkShort.stdout).findings as { rule: string; message: string }[];
    expect(findings.filter((f) => f.rule === 'field-ref').map((f) => f.message).join('\n')).toMatch(/firstName/);
  });

  it('refuses an unknown system or an existing entity, writing nothing', () => {
    oneLineError(runs.importNoSystem, /into-no-system\.yaml(:\d+:\d+)?: the spec declares no system "zz" \(it has: x, y\)/);
    expect(specText(intoNoSystem)).toBe(before.noSystem);
    oneLineError(runs.importExisting, /system "y" already declares entity "Customer"; pass --replace/);
    expect(specText(intoExisting)).toBe(before.existing);
    expect(runs.importReplace.code).toBe(0);
    expect(runs.checkReplace.code).toBe(0);
  });

  it('keeps a JSON spec JSON (with its indent) and imports sample records', () => {
    expect(runs.importJson.code).toBe(0);
    const text = specText(intoJson);
    expect(text.startsWith('{\n    "specwright": 1')).toBe(true);
    expect(JSON.parse(text).systems[0]).toEqual({
      id: 'a',
      entities: [{ name: 'Lead', fields: [{ path: 'email', type: 'string', format: 'email', required: true }, { path: 'firstName', type: 'string', required: true }, { path: 'age', type: 'integer' }] }],
    });
    oneLineError(runs.importBad, /circular\.json: .*circular/);
  });
});

describe('specwright import --as', () => {
  it('renames the one imported entity, so transforms can name it without backticks', () => {
    expect(runs.importAs.code).toBe(0);
    expect(runs.importAs.stderr).toMatch(/added SimpleUser \(2 fields\) in system y/);
    expect(runs.importAs.stderr).not.toContain('note:');
    const text = specText(intoAs);
    expect(text).toMatch(/- name: SimpleUser\n\s+fields:\n\s+- path: login/);
    expect(text).not.toContain('simple-user');
  });

  it('keeps a name that is not a JSONata name without --as, with a note on how to write or rename it', () => {
    expect(runs.importHyphen.code).toBe(0);
    expect(specText(intoHyphen)).toContain('- name: simple-user');
    expect(runs.importHyphen.stderr).toContain('note: simple-user is not a JSONata name: transforms, filters and criteria must write it in backticks (`simple-user`.field), or import it under another name with --as');
  });

  it('refuses --as for an import of several entities, and a name that cannot name an entity, writing nothing', () => {
    oneLineError(runs.importAsMany, /crm\.yaml: --as renames one entity, but this input gives 2 \(Address, Customer\); pick one with --entities <Name> or <file>#<Name>/);
    expect(specText(intoAsMany)).toBe(before.asMany);
    for (const run of [runs.importAsBad, runs.importAsEmpty]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
    expect(runs.importAsBad.stderr).toContain('--as "crm.Customer" contains ".", "[" or "]", which field paths use');
    expect(runs.importAsEmpty.stderr).toContain('--as "" is empty');
    expect(specText(intoAsBad)).toBe(before.asBad);
  });
});
