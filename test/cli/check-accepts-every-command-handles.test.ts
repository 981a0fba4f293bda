import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJson } from '@specwright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSpec } from '../support/examples.js';
import { ensureBuilt, specwright, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

/**
 * Everything `check` accepts, every other command handles: values nested deeper than the native
 * JSON and YAML writers can write are converted and exported (or, for YAML, refused with a
 * reason), what convert writes reads back, and no export file silently overwrites another.
 */

const tmp = tempDir('specwright-handles-');

/** The marketing example with a test's given record holding `levels` nested objects. */
function deepSpecText(levels: number): string {
  const spec = exampleSpec('marketing-to-crm.yaml');
  spec.useCases[0].dataFlows[0].tests[0].given.ConversionEvent.extra = '@@deep@@';
  // Written by hand: JSON.stringify cannot write 20,000 levels.
  return JSON.stringify(spec, null, 2).replace('"@@deep@@"', '{"a":'.repeat(levels) + '"leaf"' + '}'.repeat(levels));
}

const deep150 = tmp.write('deep150.json', deepSpecText(150));
const deep20k = tmp.write('deep20k.json', deepSpecText(20_000));
const colliding = (() => {
  const spec = exampleSpec('marketing-to-crm.yaml');
  const tests = spec.useCases[0].dataFlows[0].tests;
  tests.push({ ...structuredClone(tests[0]), id: 'TC/1' }, { ...structuredClone(tests[0]), id: 'TC_1' }, { ...structuredClone(tests[0]), id: 'tc_1' });
  return tmp.write('colliding.json', JSON.stringify(spec));
})();
/** The example with keys named after what every object inherits, in a mapping: own keys, as JSON.parse gives them. */
const protoKeys = tmp.write(
  'proto.json',
  JSON.stringify(exampleSpec('marketing-to-crm.yaml')).replace('"id":"FM-1"', '"__proto__":{"polluted":true},"constructor":1,"id":"FM-1"'),
);
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    check150: ['check', deep150],
    yaml150: ['convert', deep150, '--to', 'yaml', '--out', join(tmp.dir, 'deep150.yaml')],
    check20k: ['check', deep20k],
    json20k: ['convert', deep20k, '--to', 'json', '--out', join(tmp.dir, 'deep20k.out.json')],
    adf20k: ['convert', deep20k, '--to', 'adf', '--out', join(tmp.dir, 'deep20k.adf.json')],
    storage20k: ['convert', deep20k, '--to', 'storage', '--out', join(tmp.dir, 'deep20k.storage.json')],
    markdown20k: ['convert', deep20k, '--to', 'markdown', '--out', join(tmp.dir, 'deep20k.md')],
    yaml20k: ['convert', deep20k, '--to', 'yaml'],
    fixtures20k: ['export', deep20k, '--to', 'fixtures'],
    fixturesOut20k: ['export', deep20k, '--to', 'fixtures', '--out', join(tmp.dir, 'fixtures20k')],
    colliding: ['export', colliding, '--to', 'fixtures', '--out', join(tmp.dir, 'colliding')],
    protoCheck: ['check', protoKeys, '--format', 'json'],
    protoYaml: ['convert', protoKeys, '--to', 'yaml', '--out', join(tmp.dir, 'proto.yaml')],
    protoJson: ['convert', protoKeys, '--to', 'json', '--out', join(tmp.dir, 'proto.out.json')],
  });
}, 120_000);

afterAll(() => tmp.cleanup());

describe('a spec nested deeper than YAML allows, and deeper than JSON.stringify can write', () => {
  it('a 150-level JSON spec converts to YAML that check reads and accepts', async () => {
    expect(runs.check150!.code).toBe(0);
    expect(runs.yaml150!.code).toBe(0);
    const back = await specwright('check', join(tmp.dir, 'deep150.yaml'));
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
  });

  it('a 20,000-level JSON spec that check accepts converts to JSON, ADF, storage and Markdown, and each reads back to the same deep value', async () => {
    expect(runs.check20k!.code).toBe(0);
    const deepValue = writeJson(JSON.parse(readFileSync(deep20k, 'utf8')).useCases[0].dataFlows[0].tests[0].given.ConversionEvent.extra);
    for (const [run, out] of [
      ['json20k', 'deep20k.out.json'],
      ['adf20k', 'deep20k.adf.json'],
      ['storage20k', 'deep20k.storage.json'],
      ['markdown20k', 'deep20k.md'],
    ] as const) {
      expect(runs[run]!.code, runs[run]!.stderr).toBe(0);
      expect(runs[run]!.stderr).not.toMatch(STACK_FRAME);
      const back = await specwright('convert', join(tmp.dir, out), '--to', 'json');
      expect(back.code, `${run}: ${back.stderr}`).toBe(0);
      expect(writeJson(JSON.parse(back.stdout).useCases[0].dataFlows[0].tests[0].given.ConversionEvent.extra), run).toBe(deepValue);
    }
  });

  it('converting it to YAML is refused with the reason and where the deep value starts (exit 2), not a crash', () => {
    expect(runs.yaml20k).toMatchObject({ code: 2, stdout: '' });
    expect(runs.yaml20k!.stderr).toBe(
      `${deep20k}: cannot be written as YAML: the value at /useCases/0/dataFlows/0/tests/0/given/ConversionEvent/extra/a/… nests lists and mappings more than 500 levels deep, ` +
        'and a YAML spec is read to 500 levels; convert it --to json, or nest it less\n',
    );
  });

  it('exports its test cases as fixtures, to stdout and as files', () => {
    expect(runs.fixtures20k!.code, runs.fixtures20k!.stderr).toBe(0);
    const fixtures = JSON.parse(runs.fixtures20k!.stdout) as { id: string }[];
    expect(fixtures.map((fixture) => fixture.id)).toStrictEqual(['TC-1', 'TC-2', 'TC-3', 'TC-4']);
    expect(runs.fixturesOut20k!.code, runs.fixturesOut20k!.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'fixtures20k', 'TC-1.json'), 'utf8')).given.ConversionEvent.extra.a.a.a.a).toBeTruthy();
  });
});

describe('exported file names', () => {
  it('never collide silently: ids that make the same file name (or differ only in case) get -2, -3, and a note', () => {
    expect(runs.colliding!.code, runs.colliding!.stderr).toBe(0);
    expect(readdirSync(join(tmp.dir, 'colliding')).sort()).toStrictEqual(['TC-1.json', 'TC-2.json', 'TC-3.json', 'TC-4.json', 'TC_1-2.json', 'TC_1.json', 'tc_1-3.json']);
    expect(runs.colliding!.stderr).toBe(
      `${colliding}: test case "TC_1" is written as TC_1-2.json: its name is taken by TC_1.json, the file of "TC/1"\n` +
        `${colliding}: test case "tc_1" is written as tc_1-3.json: its name is taken by TC_1.json, the file of "TC/1"\n` +
        `wrote 7 file(s) to ${join(tmp.dir, 'colliding')}\n`,
    );
    expect(JSON.parse(readFileSync(join(tmp.dir, 'colliding', 'TC_1-2.json'), 'utf8')).id).toBe('TC_1');
    expect(JSON.parse(readFileSync(join(tmp.dir, 'colliding', 'tc_1-3.json'), 'utf8')).id).toBe('tc_1');
  });
});

describe('keys named __proto__ and constructor', () => {
  it('are unknown keys to check, and convert keeps them as keys, so the YAML and the JSON it writes check the same', async () => {
    const unknownKeys = (run: Run) => (JSON.parse(run.stdout) as { findings: { rule: string; valuePath?: string }[] }).findings.filter((f) => f.rule === 'spec-schema').map((f) => f.valuePath);
    expect(runs.protoCheck!.code).toBe(1);
    const expected = ['/useCases/0/dataFlows/0/mappings/0/__proto__', '/useCases/0/dataFlows/0/mappings/0/constructor'];
    expect(unknownKeys(runs.protoCheck!)).toStrictEqual(expected);
    expect(runs.protoYaml!.code).toBe(0);
    expect(runs.protoJson!.code).toBe(0);
    expect(readFileSync(join(tmp.dir, 'proto.yaml'), 'utf8')).toContain('__proto__:');
    for (const file of ['proto.yaml', 'proto.out.json']) {
      const again = await specwright('check', join(tmp.dir, file), '--format', 'json');
      expect(unknownKeys(again), file).toStrictEqual(expected);
    }
  });
});
