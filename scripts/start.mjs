// `npm start`: checks the example specs and prints the report. A finding is not a failure here
// (incomplete-draft.yaml is meant to have many); only a crash or an unreadable file is.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const examples = readdirSync('examples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `examples/${f}`);
const run = spawnSync(process.execPath, ['cli/bin/specwright.js', 'check', ...examples, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status === 1 ? 0 : (run.status ?? 2));
