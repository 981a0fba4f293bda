import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../load/load-source.js';
import type { ImportedEntity } from '../schema-field.js';
import { addEntitiesToSpec, importedSpecText } from './into-spec.js';

// `import --into` writes only the entities it adds or replaces; the rest of a YAML spec stays byte for byte.

const LEAD: ImportedEntity = { name: 'Lead', fields: [{ path: 'email', type: 'string', required: true }] };
const LEAD_YAML = ['- name: Lead', '  fields:', '    - path: email', '      type: string', '      required: true'];
const indented = (lines: string[], by: number, eol = '\n') => lines.map((l) => ' '.repeat(by) + l + eol).join('');

function imported(text: string, system = 'x', entities: ImportedEntity[] = [LEAD], replace = false) {
  const loaded = loadSource(text, 'yaml');
  if (!loaded.ok) throw new Error(loaded.message);
  const result = addEntitiesToSpec(loaded.value, system, entities, { replace });
  if (!result.ok) throw new Error(result.message);
  const out = importedSpecText(text, 'yaml', result);
  // Whatever the layout, the text written reads back as the document the import intended.
  const back = loadSource(out.text, 'yaml');
  expect(back.ok && back.value).toStrictEqual(result.document);
  return out;
}

describe('importedSpecText: YAML edited in place', () => {
  it('appends to a block list, keeping comments, anchors, aliases, merge keys and layout', () => {
    const before = [
      '# top comment',
      'specwright: 1',
      'id: a          # aligned comment',
      'x-base: &base { kind: crm }',
      'x-copy:',
      '  <<: *base',
      '  note: >-',
      '    folded text that a re-dump',
      '    would join into one line',
      'systems:                  # the systems',
      '  - id: x',
      '    <<: *base',
      '    entities:',
      '      - name: Old    # kept',
      '        fields:',
      '          - { path: a, type: string }',
      '      # a comment after the last entity',
      '',
      '  - id: y',
      "    name: 'Y'",
      '',
    ].join('\n');
    const out = imported(before);
    expect(out.kept).toBe(true);
    const at = before.indexOf('      # a comment after');
    expect(out.text).toBe(before.slice(0, at) + indented(LEAD_YAML, 6) + before.slice(at));
  });

  it('adds an entities list to a system that has none, at its keys indent', () => {
    const before = 'specwright: 1\nsystems:\n  - id: x\n    name: X   # x\n  - id: y\n';
    expect(imported(before).text).toBe(`specwright: 1\nsystems:\n  - id: x\n    name: X   # x\n    entities:\n${indented(LEAD_YAML, 6)}  - id: y\n`);
  });

  it('writes a one-line { … } system in block form, the rest untouched', () => {
    const before = 'systems:\n  - { id: x, name: X } # the x\n  - { id: y, name: Y }\nuseCases: []\n';
    expect(imported(before).text).toBe(`systems:\n  - id: x # the x\n    name: X\n    entities:\n${indented(LEAD_YAML, 6)}  - { id: y, name: Y }\nuseCases: []\n`);
  });

  it('replaces `entities: []` and `entities: *alias` by a block list, keeping the comment and the anchor', () => {
    expect(imported('systems:\n  - id: x\n    entities: [] # none yet\n    name: X\n').text).toBe(`systems:\n  - id: x\n    entities: # none yet\n${indented(LEAD_YAML, 6)}    name: X\n`);
    const aliased = imported('x-shared: &e\n  - { name: Shared }\nsystems:\n  - id: x\n    entities: *e\n  - id: y\n    entities: *e\n');
    expect(aliased.text).toBe(`x-shared: &e\n  - { name: Shared }\nsystems:\n  - id: x\n    entities:\n      - name: Shared\n${indented(LEAD_YAML, 6)}  - id: y\n    entities: *e\n`);
  });

  it('--replace rewrites only the replaced entity, in its place', () => {
    const before = 'systems:\n  - id: x\n    entities:\n      - name: Lead # old\n        fields: []\n      # about Keep\n      - name: Keep\n';
    expect(imported(before, 'x', [LEAD], true).text).toBe(`systems:\n  - id: x\n    entities:\n${indented(LEAD_YAML, 6)}      # about Keep\n      - name: Keep\n`);
  });

  it('keeps Windows line ends, a byte order mark, and a last line without a line end', () => {
    expect(imported('\uFEFFsystems:\r\n  - id: x\r\n    entities:\r\n      - name: A').text).toBe(`\uFEFFsystems:\r\n  - id: x\r\n    entities:\r\n      - name: A\r\n${indented(LEAD_YAML, 6, '\r\n')}`);
  });

  it('does not mistake comment-like lines inside a block scalar for comments', () => {
    const before = 'systems:\n  - id: x\n    entities:\n      - name: A\n        description: |\n          text\n          # a heading\n  - id: y\n';
    expect(imported(before).text).toBe(`systems:\n  - id: x\n    entities:\n      - name: A\n        description: |\n          text\n          # a heading\n${indented(LEAD_YAML, 6)}  - id: y\n`);
  });

  it('keeps every byte of the example specs but the new entity', () => {
    for (const name of ['marketing-to-crm.yaml', 'order-to-erp.yaml']) {
      const before = readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8');
      const loaded = loadSource(before, 'yaml');
      if (!loaded.ok) throw new Error(loaded.message);
      const first = (loaded.value['systems'] as { id: string }[])[0]!.id;
      const out = imported(before, first);
      expect(out.kept).toBe(true);
      // Only lines were added: the old text is the new one less a run of whole lines.
      const added = out.text.length - before.length;
      const at = [...before].findIndex((c, i) => c !== out.text[i]);
      expect(out.text.slice(0, at) + out.text.slice(at + added)).toBe(before);
      expect(out.text.slice(at, at + added)).toMatch(/^ +- name: Lead\n/);
    }
  });

  it('falls back to writing the document whole when the layout cannot be edited in place, and says so', () => {
    // A flow list of systems cannot hold a block entity list.
    const out = imported('systems: [{ id: x }, { id: y }] # flow\n');
    expect(out.kept).toBe(false);
    expect(out.text).not.toContain('# flow');
  });

  it('a replaced entity that others alias: the edit would change them too, so the document is written whole', () => {
    const out = imported('systems:\n  - id: x\n    entities:\n      - &lead { name: Lead }\n  - id: y\n    entities: [*lead]\n', 'x', [LEAD], true);
    expect(out.kept).toBe(false);
  });
});

describe('importedSpecText: JSON', () => {
  it('keeps the indent and a byte order mark', () => {
    const before = '\uFEFF{\n\t"systems": [{ "id": "x" }]\n}\n';
    const loaded = loadSource(before, 'json');
    if (!loaded.ok) throw new Error(loaded.message);
    const result = addEntitiesToSpec(loaded.value, 'x', [LEAD]);
    if (!result.ok) throw new Error(result.message);
    expect(importedSpecText(before, 'json', result)).toStrictEqual({ text: '\uFEFF' + JSON.stringify(result.document, null, 1).replace(/^( +)/gm, (s) => '\t'.repeat(s.length)) + '\n', kept: true });
  });
});

describe('addEntitiesToSpec', () => {
  it('keeps a system key named __proto__ as a key (never the prototype)', () => {
    const loaded = loadSource('systems:\n  - id: x\n    __proto__: { polluted: true }\n', 'yaml');
    if (!loaded.ok) throw new Error(loaded.message);
    const result = addEntitiesToSpec(loaded.value, 'x', [LEAD]);
    if (!result.ok) throw new Error(result.message);
    const system = (result.document['systems'] as object[])[0]!;
    expect(Object.keys(system)).toStrictEqual(['id', '__proto__', 'entities']);
    expect(Object.getPrototypeOf(system)).toBe(Object.prototype);
  });
});
