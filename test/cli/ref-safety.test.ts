import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// A schema's `$ref` reads only regular files in the schema's folder and below, or below a folder
// given with --allow-ref-root: never a file outside (by path, `..` or a symbolic link), a device,
// a FIFO (which would block) or a URL, and no message quotes a line of a file it names.

const SECRET = 'SECRET-MARKER-1f9c2a';
// The environment of the specwright process (what /proc/self/environ would copy) holds the marker too.
process.env['SPECWRIGHT_REF_TEST_SECRET'] = SECRET;

const tmp = tempDir('specwright-refs-');
const project = join(tmp.dir, 'project');
const outside = join(tmp.dir, 'outside');
mkdirSync(join(project, 'sub'), { recursive: true });
mkdirSync(outside);
// Outside the project: a schema whose field names are the secret, and YAML whose lines hold it.
writeFileSync(join(outside, 'secret.json'), JSON.stringify({ type: 'object', properties: { [SECRET]: { type: 'string' }, zip: { type: 'string' } } }));
writeFileSync(join(outside, 'broken.yaml'), `${SECRET}: [\n  password: ${SECRET}\n   - ${SECRET}\n`);
writeFileSync(join(outside, 'broken.json'), `{"${SECRET}": ${SECRET}}`);
symlinkSync(join(outside, 'secret.json'), join(project, 'link.json'));
symlinkSync(outside, join(project, 'outside-dir'));
const fifo = join(project, 'pipe.json');
const mkfifo = spawnSync('mkfifo', [fifo]);
if (mkfifo.status !== 0) throw new Error(`mkfifo failed: ${mkfifo.stderr}`);
writeFileSync(join(project, 'sub', 'address.json'), JSON.stringify({ type: 'object', properties: { zip: { type: 'string' }, city: { type: 'string' } } }));
// Inside the project, a file that names one outside: the rule holds for refs of refs too.
writeFileSync(join(project, 'sub', 'hop.json'), JSON.stringify({ type: 'object', properties: { next: { $ref: '../../outside/secret.json' } } }));

const schema = (name: string, ref: string) => {
  const file = join(project, name);
  writeFileSync(file, JSON.stringify({ type: 'object', properties: { email: { type: 'string' }, billing: { $ref: ref } } }));
  return file;
};
const lead = tmp.write('lead.json', JSON.stringify({ type: 'object', properties: { emailAddress: { type: 'string' }, billingZip: { type: 'string' } } }));
const SCHEMAS = {
  etcPasswd: schema('etc-passwd.json', '/etc/passwd'),
  etcShadow: schema('etc-shadow.json', '/etc/shadow'),
  environ: schema('environ.json', '/proc/self/environ'),
  dotDot: schema('dot-dot.json', '../outside/secret.json'),
  dotDotInside: schema('dot-dot-inside.json', 'sub/../../outside/secret.json'),
  symlink: schema('symlink.json', './link.json'),
  symlinkDir: schema('symlink-dir.json', 'outside-dir/secret.json'),
  fifo: schema('fifo.json', './pipe.json'),
  devZero: schema('dev-zero.json', '/dev/zero'),
  fileUrl: schema('file-url.json', 'file:///etc/passwd'),
  hop: schema('hop.json', './sub/hop.json'),
  allowedSecret: schema('allowed-secret.json', '../outside/secret.json'),
  brokenYaml: schema('broken-yaml.json', '../outside/broken.yaml'),
  brokenJson: schema('broken-json.json', '../outside/broken.json'),
  inside: schema('inside.json', './sub/address.json'),
};
const SPEC = `specwright: 1
id: refs
title: Refs
businessCase: { summary: Leads to CRM, value: [{ stakeholder: Sales, benefit: Leads }], stakeholders: [Sales] }
systems:
  - { id: crm, name: CRM }
  - { id: web, name: Web }
useCases: []
`;
const specFile = tmp.write('spec.yaml', SPEC);
const specAllowed = tmp.write('spec-allowed.yaml', SPEC);
const automap = (file: string, ...extra: string[]) => ['automap', '--source', lead, '--target', file, '--format', 'json', ...extra];
let runs: Record<string, Run>;

beforeAll(async () => {
  ensureBuilt();
  runs = await specwrightMany({
    ...Object.fromEntries(Object.entries(SCHEMAS).map(([name, file]) => [name, automap(file)])),
    allowed: automap(SCHEMAS.allowedSecret, '--allow-ref-root', outside),
    allowedTwice: automap(SCHEMAS.allowedSecret, '--allow-ref-root', join(project, 'sub'), '--allow-ref-root', outside),
    missingRoot: automap(SCHEMAS.inside, '--allow-ref-root', join(tmp.dir, 'nowhere')),
    missingRootNoRefs: automap(lead, '--allow-ref-root', join(tmp.dir, 'nowhere')),
    allowedDev: automap(SCHEMAS.devZero, '--allow-ref-root', '/dev'),
    allowedFifoDir: automap(SCHEMAS.fifo, '--allow-ref-root', project),
    allowedBrokenYaml: automap(SCHEMAS.brokenYaml, '--allow-ref-root', outside),
    allowedBrokenJson: automap(SCHEMAS.brokenJson, '--allow-ref-root', outside),
    badRoot: automap(SCHEMAS.inside, '--allow-ref-root', join(tmp.dir, 'lead.json')),
    importOutside: ['import', SCHEMAS.dotDot, '--into', specFile, '--system', 'crm', '--entities', 'Customer'],
    importAllowed: ['import', SCHEMAS.allowedSecret, '--into', specAllowed, '--system', 'crm', '--entities', 'Customer', '--allow-ref-root', outside],
  });
}, 120_000);
afterAll(() => tmp.cleanup());

const refused = (name: string) => {
  const run = runs[name]!;
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  return run.stderr;
};

/** No line of the named file's content in anything the command printed. */
function echoesNothingOf(run: Run, file: string) {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 4);
  for (const line of lines) expect(run.stdout + run.stderr).not.toContain(line);
  expect(run.stdout + run.stderr).not.toContain(SECRET);
}

describe('a $ref reads only inside the schema folder', () => {
  it.each([
    ['etcPasswd', '/etc/passwd'],
    ['etcShadow', '/etc/shadow'],
    ['dotDot', 'secret.json'],
    ['dotDotInside', 'secret.json'],
    ['symlink', 'secret.json'],
    ['symlinkDir', 'secret.json'],
    ['hop', 'secret.json'],
  ])('%s: refused as outside the folder, exit 2, one line', (name, target) => {
    const message = refused(name);
    expect(message).toContain(': has a $ref that cannot be resolved: ');
    expect(message).toMatch(new RegExp(`points at \\S*${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*, outside ${project.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, the folder of the schema`));
    expect(message).toContain('--allow-ref-root <dir>');
  });

  it('/etc/passwd and /etc/shadow: nothing of them is printed', () => {
    echoesNothingOf(runs['etcPasswd']!, '/etc/passwd');
    expect(runs['etcShadow']!.stderr).not.toMatch(/root:/);
  });

  it('/proc/self/environ: refused, and the environment is not printed', () => {
    const message = refused('environ');
    expect(message).toMatch(/points at \/proc\/\S+environ( \(through a symbolic link, \/proc\/self\/environ\))?, outside /);
    expect(message).not.toContain(SECRET);
  });

  it('a symbolic link is followed before the check, and the message says so', () => {
    expect(refused('symlink')).toMatch(/\(through a symbolic link, .*link\.json\)/);
  });

  it('a ref in a referenced file that leaves the folder is refused, naming the file that holds it', () => {
    expect(refused('hop')).toMatch(/"\.\.\/\.\.\/outside\/secret\.json" in sub\/hop\.json at \/properties\/next points at /);
  });

  it('the pointer of the $ref in the schema is given', () => {
    expect(refused('dotDot')).toMatch(/ \(at \/properties\/billing\)$/m);
  });

  it('nothing of the outside file reaches the output of any refused run', () => {
    for (const name of ['dotDot', 'dotDotInside', 'symlink', 'symlinkDir', 'hop']) echoesNothingOf(runs[name]!, join(outside, 'secret.json'));
  });
});

describe('only regular files, never a URL', () => {
  it('a FIFO in the folder is refused without opening it (the run does not hang)', () => {
    expect(refused('fifo')).toMatch(/points at pipe\.json, which is a FIFO \(named pipe\), not a regular file; a \$ref reads only regular files/);
    expect(refused('allowedFifoDir')).toMatch(/which is a FIFO/);
  });

  it('/dev/zero is outside; allowed with --allow-ref-root /dev, it is still a device, not a regular file', () => {
    expect(refused('devZero')).toMatch(/points at \/dev\/zero, outside /);
    expect(refused('allowedDev')).toMatch(/points at \/dev\/zero, which is a character device, not a regular file/);
  });

  it('a file: URL is a URL, refused like any other', () => {
    expect(refused('fileUrl')).toMatch(/"file:\/\/\/etc\/passwd" is a URL; URLs are not fetched, so keep referenced schemas in local files \(at \/properties\/billing\)$/m);
  });
});

describe('--allow-ref-root', () => {
  it('allows a folder outside the schema folder (repeatable)', () => {
    for (const name of ['allowed', 'allowedTwice']) {
      const run = runs[name]!;
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.matches.map((m: { source: string; target: string }) => `${m.source} → ${m.target}`)).toContain('billingZip → billing.zip');
    }
  });

  it('a folder that is a file, or that does not exist, is a clear error', () => {
    expect(refused('badRoot')).toMatch(/^\S*lead\.json: is not a folder \(given with --allow-ref-root\); give the folder the referenced schemas are in$/m);
    expect(refused('missingRoot')).toMatch(/^\S*nowhere: is not a folder that exists \(given with --allow-ref-root\)/m);
    expect(refused('missingRootNoRefs')).toMatch(/nowhere: is not a folder that exists/);
  });

  it('refs inside the schema folder need no option', () => {
    const run = runs['inside']!;
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).unmatched.target).toEqual(expect.arrayContaining(['billing.city']));
  });
});

describe('a file a $ref names that does not parse is told by line, not by its content', () => {
  it('YAML: the file, the line and column, what is wrong; no line of it', () => {
    const message = refused('allowedBrokenYaml');
    expect(message).toMatch(/names \S*broken\.yaml, which is not valid YAML at line \d+, column \d+/);
    echoesNothingOf(runs['allowedBrokenYaml']!, join(outside, 'broken.yaml'));
  });

  it('JSON: the same, without quoting the character or key at fault', () => {
    const message = refused('allowedBrokenJson');
    expect(message).toMatch(/names \S*broken\.json, which is not valid JSON at line 1, column \d+/);
    echoesNothingOf(runs['allowedBrokenJson']!, join(outside, 'broken.json'));
  });
});

describe('import follows the same rule', () => {
  it('refuses, exit 2, and leaves the spec as it was', () => {
    expect(refused('importOutside')).toMatch(/outside .*the folder of the schema/);
    expect(readFileSync(specFile, 'utf8')).toBe(SPEC);
    echoesNothingOf(runs['importOutside']!, join(outside, 'secret.json'));
  });

  it('with --allow-ref-root, imports the referenced fields', () => {
    const run = runs['importAllowed']!;
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(specAllowed, 'utf8')).toContain('billing.zip');
  });
});
