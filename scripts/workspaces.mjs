// The workspace packages, read from the root package.json's `workspaces` (the one list there is):
// the build, vitest's test files and the link checks derive theirs from it, so adding a package
// means adding its folder (and naming it there, if no entry matches it yet).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** One path segment with `*` wildcards as a regular expression (npm's globs, without `**`). */
const segmentPattern = (segment) => new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

/** The folders an entry names: a path, or a path with `*` in its segments. Folders that do not exist name nothing. */
function expand(root, entry) {
  let dirs = [''];
  for (const segment of entry.replace(/^\.\//, '').replace(/\/$/, '').split('/')) {
    if (segment === '**') throw new Error(`package.json workspaces: "${entry}": "**" is not supported here; name the folders or use "*"`);
    if (!segment.includes('*')) {
      dirs = dirs.map((d) => (d ? `${d}/${segment}` : segment));
      continue;
    }
    const pattern = segmentPattern(segment);
    dirs = dirs.flatMap((d) => {
      const abs = join(root, d);
      if (!existsSync(abs)) return [];
      return readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.') && pattern.test(e.name))
        .map((e) => (d ? `${d}/${e.name}` : e.name))
        .sort();
    });
  }
  return dirs;
}

/**
 * The workspace packages that exist, in the order of `workspaces`: `{dir, name, tsconfig}`, `dir`
 * relative to the root with `/`. Like npm, an entry matching no folder, or a folder without a
 * package.json, is skipped: the list names packages before they are made.
 */
export function workspacePackages(root = repoRoot) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const seen = new Set();
  const packages = [];
  for (const entry of workspaces) {
    for (const dir of expand(root, entry)) {
      const manifest = join(root, dir, 'package.json');
      if (seen.has(dir) || !existsSync(manifest)) continue;
      seen.add(dir);
      const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
      packages.push({ dir, name, tsconfig: existsSync(join(root, dir, 'tsconfig.json')) });
    }
  }
  return packages;
}
