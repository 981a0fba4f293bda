// `npm run build`: one `tsc -b` over every workspace package with a tsconfig.json (each package's
// own `references` give the order). Extra arguments go to tsc (`--verbose`, `--clean`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot, workspacePackages } from './workspaces.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = workspacePackages().filter((p) => p.tsconfig).map((p) => p.dir);
const run = spawnSync(process.execPath, [tsc, '-b', ...projects, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
process.exit(run.status ?? 1);
