import { describe, expect, it } from 'vitest';
import { indexSpec } from '../../model/spec-index.js';
import { loadSource } from '../../load/load-source.js';
import { acceptedPairsFromSpec, entityFromSpec } from './spec-entity.js';
import { importEntity } from './import-entity.js';
import { addEntitiesToSpec } from './into-spec.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const example = readFileSync(fileURLToPath(new URL('../../../../examples/marketing-to-crm.yaml', import.meta.url)), 'utf8');
const loaded = loadSource(example, 'yaml');
if (!loaded.ok) throw new Error(loaded.message);
const index = indexSpec(loaded.value);

describe('spec entity import', () => {
  it('reads a declared entity, marking containers', () => {
    const system = index.systems.find((s) => s.value.entities?.some((e) => e.fields?.some((f) => f.path.includes('.'))))!;
    const entity = system.value.entities!.find((e) => e.fields?.some((f) => f.path.includes('.')))!;
    const imported = entityFromSpec(index, system.value.id, entity.name);
    expect(imported.system).toBe(system.value.id);
    expect(imported.fields.map((f) => f.path)).toEqual(entity.fields!.map((f) => f.path));
  });

  it('a field is a container when another sits inside it, directly or in its elements (also among 20,000 fields)', () => {
    const paths = ['contact', 'contact.email', 'lines[]', 'lines[].sku', 'tags[]', 'owner', 'ownerId', 'grid[][]', 'grid[][].x', ...Array.from({ length: 20_000 }, (_, i) => `f${i}.v`)];
    const spec = indexSpec({ specwright: 1, id: 's', title: 'S', systems: [{ id: 'crm', entities: [{ name: 'C', fields: paths.map((path) => ({ path })) }] }] });
    const fields = entityFromSpec(spec, 'crm', 'C').fields;
    const containers = fields.filter((f) => f.container).map((f) => f.path);
    expect(containers.slice(0, 3)).toStrictEqual(['contact', 'lines[]', 'grid[][]']);
    expect(containers).toHaveLength(3);
  });

  it('names what exists when the system or entity is unknown', () => {
    expect(() => entityFromSpec(index, 'nope', 'X')).toThrow(/declares no system "nope" \(it has: /);
    const id = index.systems[0]!.value.id;
    expect(() => entityFromSpec(index, id, 'Nope')).toThrow(new RegExp(`system "${id}" declares no entity "Nope"`));
  });

  it('reads accepted pairs without entity names, selectors as []', () => {
    const doc = {
      specwright: 1, id: 'a', title: 'A', businessCase: { summary: 's', value: [{ stakeholder: 'x', benefit: 'y' }], stakeholders: ['x'] },
      systems: [{ id: 'x' }, { id: 'y' }],
      useCases: [{ id: 'UC-1', title: 't', dataFlows: [{ id: 'DF-1', title: 'f', source: { system: 'x', entities: ['A'] }, target: { system: 'y', entities: ['B'] },
        mappings: [
          { id: 'FM-1', target: 'B.email', source: 'A.contact.email' },
          { id: 'FM-2', target: 'B.addresses[type=Billing].line1', source: 'A.addresses[0].line1' },
          { id: 'FM-3', target: 'B.kind', constant: 'x' },
        ] }] }],
    };
    expect(acceptedPairsFromSpec(indexSpec(doc))).toEqual([
      { source: 'contact.email', target: 'email' },
      { source: 'addresses[].line1', target: 'addresses[].line1' },
    ]);
  });

  it('adds entities to a system, refusing an unknown system or an existing entity', () => {
    const entity = importEntity([{ email: 'a@b.co' }], { name: 'Lead' });
    const doc = { systems: [{ id: 'x', name: 'X' }, { id: 'y', entities: [{ name: 'Lead' }] }] };
    const added = addEntitiesToSpec(doc, 'x', [entity]);
    expect(added).toMatchObject({ ok: true, added: ['Lead'] });
    if (added.ok) expect(added.document['systems']).toEqual([{ id: 'x', name: 'X', entities: [{ name: 'Lead', fields: [{ path: 'email', type: 'string', format: 'email', required: true }] }] }, doc.systems[1]]);
    expect(addEntitiesToSpec(doc, 'z', [entity])).toMatchObject({ ok: false, pointer: '/systems' });
    expect(addEntitiesToSpec(doc, 'y', [entity])).toMatchObject({ ok: false, pointer: '/systems/1/entities/0' });
    expect(addEntitiesToSpec(doc, 'y', [entity], { replace: true })).toMatchObject({ ok: true, replaced: ['Lead'] });
    expect(doc.systems[1]).toEqual({ id: 'y', entities: [{ name: 'Lead' }] });
  });
});
