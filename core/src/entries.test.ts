import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

const coreSrc = fileURLToPath(new URL('./', import.meta.url));
const corePackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, Record<string, string>> };

/** Every module a file pulls in at run time (type-only imports left out), followed through relative imports. */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(resolve(coreSrc, entry));
  return { files, packages };
}

describe('@specwright/core/api, the entry a Forge function bundles', () => {
  const { files, packages } = moduleGraph('api/index.ts');
  const reached = [...files].map((file) => relative(coreSrc, file));

  it('pulls in the loader, checker, engine and page codecs', () => {
    for (const part of ['load/load-source.ts', 'check/check-spec.ts', 'engine/run-tests.ts', 'confluence/codecs.ts']) expect(reached).toContain(part);
  });

  it('pulls in nothing of automap, no output format (the XML escaping storage format shares aside) and no Node built-in', () => {
    expect(reached.filter((file) => file.startsWith('automap/') || (file.startsWith('format/') && !file.endsWith('/xml.ts')))).toStrictEqual([]);
    // re2js: the engine runs JSONata's regexes on it (pure JavaScript, linear time).
    expect([...packages].sort()).toStrictEqual(['js-yaml', 'jsonata', 're2js', 'valibot']);
  });
});

describe("core's package entries", () => {
  it.each(Object.entries(corePackage.exports))('%s: the source, the types and the built module are one file apart', async (entry, targets) => {
    const source = targets['source']!;
    expect(source).toMatch(/^\.\/src\/.*\.ts$/);
    expect(targets['default']).toBe(source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js'));
    expect(targets['types']).toBe(source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.d.ts'));
    const module = (await import(resolve(coreSrc, '..', source))) as Record<string, unknown>;
    expect(Object.keys(module).length, entry).toBeGreaterThan(0);
  });

  it('exports the plain-data API and the documented blocks, not the internals', () => {
    for (const name of ['checkText', 'checkPageTree', 'testText', 'testPageTree', 'loadSource', 'indexSpec', 'checkSpec', 'runTests', 'suggestMappings', 'renderSpecToPageTree', 'CHECK_FORMATTERS']) {
      expect(core, name).toHaveProperty(name);
    }
    // How records are read and written, the expression recogniser and the engine's inner loop
    // may change shape at any time: they are not part of what other packages build on.
    for (const name of ['readPath', 'writePath', 'recogniseSimpleExpression', 'ExpressionCache', 'evaluateDataFlow', 'convertToType', 'partialMatch', 'isObject', 'createCheckContext']) {
      expect(core, name).not.toHaveProperty(name);
    }
  });
});
