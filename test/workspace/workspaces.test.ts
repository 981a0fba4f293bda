import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workspacePackages } from '../../scripts/workspaces.mjs';

// The build and vitest derive the packages from package.json's `workspaces`; like npm, entries
// that name no package yet are skipped, so the list can name packages before they exist.

const root = mkdtempSync(join(tmpdir(), 'specwright-workspaces-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('workspacePackages', () => {
  it('lists the folders with a package.json that the entries name, in their order, skipping the rest', () => {
    write('package.json', JSON.stringify({ workspaces: ['core', 'not-made-yet', 'empty', 'apps/*', './core/'] }));
    write('core/package.json', JSON.stringify({ name: '@x/core' }));
    write('core/tsconfig.json', '{}');
    mkdirSync(join(root, 'empty'));
    write('apps/web/package.json', JSON.stringify({ name: '@x/web' }));
    write('apps/admin/package.json', JSON.stringify({ name: '@x/admin' }));
    write('apps/admin/tsconfig.json', '{}');
    write('apps/notes/README.md', 'no package here');
    expect(workspacePackages(root)).toStrictEqual([
      { dir: 'core', name: '@x/core', tsconfig: true },
      { dir: 'apps/admin', name: '@x/admin', tsconfig: true },
      { dir: 'apps/web', name: '@x/web', tsconfig: false },
    ]);
  });

  it('finds this repository’s packages', () => {
    expect(workspacePackages().map((p) => p.name)).toEqual(expect.arrayContaining(['@specwright/core', '@specwright/cli']));
  });
});
