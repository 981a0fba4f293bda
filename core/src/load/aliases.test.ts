import { describe, expect, it } from 'vitest';
import { loadSource } from './load-source.js';
import { MAX_YAML_NESTING } from './nesting.js';

/** `levels` flow lists, one inside the other, around `inner`. */
const lists = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('the alias guard counts what aliases expand to', () => {
  it('refuses a long text aliased many times, at the alias, though it is few values', () => {
    // 200 KB of YAML that every walker and writer would see as 200 MB of text.
    const yaml = `specwright: 1\ntext: &t "${'x'.repeat(200_000)}"\nlist:\n${'  - *t\n'.repeat(1000)}`;
    const loaded = loadSource(yaml, 'yaml');
    expect(loaded).toMatchObject({ ok: false, line: 4, column: 5 });
    if (!loaded.ok) expect(loaded.message).toMatch(/^is not a spec: its aliases expand [\d,]+ characters of YAML into 200,\d{3},\d{3} characters of text \(the longest is \*t\)/);
  });

  it('lets a text be aliased a few times', () => {
    const yaml = `specwright: 1\ntext: &t "${'x'.repeat(10_000)}"\nlist:\n${'  - *t\n'.repeat(20)}`;
    const loaded = loadSource(yaml, 'yaml');
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect((loaded.value['list'] as string[]).every((item) => item.length === 10_000)).toBe(true);
  });

  it('refuses aliases of nested nodes inside nested nodes past the YAML depth, counting through every alias', () => {
    // Each anchor nests 89 lists around the one before it, under the document's mapping: the
    // sixth puts the fifth (445 levels) 90 levels down, 535 in all.
    const chain = (anchors: number) =>
      'specwright: 1\n' + Array.from({ length: anchors }, (_, i) => `a${i}: &a${i} ${lists(89, i === 0 ? '1' : `*a${i - 1}`)}\n`).join('');
    expect(loadSource(chain(5), 'yaml').ok).toBe(true);
    const deep = loadSource(chain(6), 'yaml');
    expect(deep).toMatchObject({ ok: false, line: 7 });
    if (!deep.ok) expect(deep.message).toBe(`is not a spec: the alias *a4 nests its node 535 levels deep, and a YAML spec nests at most 500; aliases may repeat parts of a spec, not nest them inside each other without end`);
  });
});

describe('how deep a YAML spec nests', () => {
  it(`reads ${MAX_YAML_NESTING} levels of lists and mappings, and refuses one more with its position`, () => {
    // The document's own mapping is the first level.
    expect(loadSource(`a: ${lists(MAX_YAML_NESTING - 1)}\n`, 'yaml').ok).toBe(true);
    const deeper = loadSource(`a: ${lists(MAX_YAML_NESTING)}\n`, 'yaml');
    expect(deeper).toMatchObject({ ok: false, line: 1 });
    if (!deeper.ok) expect(deeper.message).toBe('is not valid YAML: lists and mappings nest more than 500 levels deep; a YAML spec nests at most 500');
  });
});
