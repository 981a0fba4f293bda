import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const coreSrc = fileURLToPath(new URL('../../core/src/', import.meta.url));

/**
 * The layers of core/src, bottom to top (README, "How the code is laid out"). A module imports
 * from its own layer and the layers below it, never from one above:
 * - model: the format's types and valibot schema, the field-path syntax the schema checks,
 *   declared fields, JSON helpers, JSON Pointers, findings and severities;
 * - paths: reading and writing records along field paths, and which element a selector picks;
 * - expr: parsing JSONata; load: the YAML/JSON loader with positions;
 * - rules: the rule context and one module per rule; engine: the mapping engine, test runner
 *   and exports; check: the checker (the rules in order) and completeness;
 * - format: output formats; confluence: the page template; automap: mapping suggestions and
 *   schema import; api: the plain-data API (load, check, run tests: a JSON report);
 *   index.ts and the subpath entries: the package's exports.
 */
const LAYERS = ['model', 'paths', 'expr', 'load', 'rules', 'engine', 'check', 'format', 'confluence', 'automap', 'api', 'index.ts'] as const;

/** Core is pure (DESIGN.md): no file system, network or process. No module needs an exception today. */
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

interface SourceFile {
  /** Path relative to core/src, with `/`. */
  path: string;
  text: string;
}

/** Every import, `export … from`, `import()` and `require()` specifier of a module. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

const layerOf = (path: string): number => LAYERS.indexOf((path.includes('/') ? path.slice(0, path.indexOf('/')) : path) as (typeof LAYERS)[number]);

/** What breaks the layering, one sentence each. */
function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const order = LAYERS.join(' → ');
  for (const file of files) {
    const from = layerOf(file.path);
    if (from === -1) {
      problems.push(`${file.path} is in no layer: put it in a layer's folder, or add its folder to LAYERS in its place (${order})`);
      continue;
    }
    for (const specifier of specifiers(file.text)) {
      if (isNodeBuiltin(specifier)) {
        problems.push(`${file.path} imports '${specifier}': core does no I/O; do it in the cli and pass core the data`);
        continue;
      }
      if (!specifier.startsWith('.')) continue; // a package core depends on
      const target = relative('.', join(dirname(file.path), specifier)).split(sep).join('/');
      if (target.startsWith('..')) {
        problems.push(`${file.path} imports '${specifier}', which is outside core/src`);
        continue;
      }
      const to = layerOf(target);
      if (to > from) problems.push(`${file.path} imports '${specifier}': ${LAYERS[from]} may not import from ${LAYERS[to]}, a layer above it (${order})`);
    }
  }
  return problems;
}

function coreSources(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        files.push({ path: relative(coreSrc, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(coreSrc);
  return files;
}

describe('the layers of core', () => {
  it('no module imports from a layer above its own, or from Node built-ins', () => {
    const files = coreSources();
    expect(files.length).toBeGreaterThan(100);
    expect(layerViolations(files)).toStrictEqual([]);
  });

  it('every folder of core/src is a layer', () => {
    const folders = readdirSync(coreSrc, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((name) => !(LAYERS as readonly string[]).includes(name))).toStrictEqual([]);
  });

  it('reports upward imports of every form, Node built-ins and files outside the layers', () => {
    const problems = layerViolations([
      { path: 'model/a.ts', text: "import type { Rule } from '../rules/rule.js';" },
      { path: 'paths/b.ts', text: "export { readPath } from '../engine/x.js';\nexport * from '../model/json.js';" },
      { path: 'rules/c.ts', text: "const m = await import('../check/check-spec.js');" },
      { path: 'engine/d.ts', text: "import {\n  a,\n  b,\n} from '../format/index.js';\nimport { readFileSync } from 'node:fs';\nimport path from 'path';" },
      { path: 'check/e.ts', text: "import { RULES } from '../rules/index.js';\nimport * as v from 'valibot';\nimport { x } from './f.js';" },
      { path: 'loose.ts', text: '' },
      { path: 'automap/g.ts', text: "import { y } from '../../cli/src/z.js';" },
    ]);
    expect(problems).toStrictEqual([
      expect.stringMatching(/^model\/a\.ts imports '\.\.\/rules\/rule\.js': model may not import from rules/),
      expect.stringMatching(/^paths\/b\.ts imports '\.\.\/engine\/x\.js': paths may not import from engine/),
      expect.stringMatching(/^rules\/c\.ts imports '\.\.\/check\/check-spec\.js': rules may not import from check/),
      expect.stringMatching(/^engine\/d\.ts imports '\.\.\/format\/index\.js': engine may not import from format/),
      expect.stringMatching(/^engine\/d\.ts imports 'node:fs': core does no I\/O/),
      expect.stringMatching(/^engine\/d\.ts imports 'path': core does no I\/O/),
      expect.stringMatching(/^loose\.ts is in no layer/),
      expect.stringMatching(/^automap\/g\.ts imports '\.\.\/\.\.\/cli\/src\/z\.js', which is outside core\/src/),
    ]);
  });
});
