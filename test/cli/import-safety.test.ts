import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { loadSource } from '@specwright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/examples.js';
import { CLEAN } from './fixtures.js';
import { ensureBuilt, STACK_FRAME, tempDir, type Run } from './run.js';

// `import --into` never loses the spec: killed at any point it leaves the old or the new spec
// byte for byte; concurrent imports never lose an entity silently; a write that fails leaves
// the spec as it was; the YAML the person wrote (comments, anchors, `<<`) is kept.

const BIN = join(repoRoot, 'cli', 'bin', 'specwright.js');
const tmp = tempDir('specwright-import-safety-');
const samples = tmp.write('samples.json', JSON.stringify([{ email: 'a@b.co', plan: 'pro' }]));
const asRoot = process.getuid?.() === 0;

/** A random number generator with a seed, so a failing sequence of kill points can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The example with a system `bulk` of `entities` entities of 20 fields each, to make the spec large. */
function largeYaml(entities: number): string {
  const lines = ['  - id: bulk', '    name: Bulk  # many entities, to make the write take time', '    entities:'];
  for (let e = 0; e < entities; e++) {
    lines.push(`      - name: E${e}`, '        fields:');
    for (let f = 0; f < 20; f++) lines.push(`          - { path: f${f}, type: string, description: "field ${f} of entity ${e}" }`);
  }
  const text = CLEAN.replace(/^systems:.*\n/m, (line) => `${line}${lines.join('\n')}\n`);
  if (text === CLEAN) throw new Error('fixture edit did not apply');
  return text;
}

function largeJson(entities: number): string {
  const loaded = loadSource(largeYaml(entities), 'yaml');
  if (!loaded.ok) throw new Error(loaded.message);
  return JSON.stringify(loaded.value, null, 2) + '\n';
}

interface Child {
  pid: number;
  done: Promise<Run>;
  kill(): void;
}

function start(args: string[], shell?: string): Child {
  const child = shell
    ? spawn('bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, BIN, ...args], { cwd: repoRoot })
    : spawn(process.execPath, [BIN, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { pid: child.pid!, done, kill: () => void child.kill('SIGKILL') };
}

const importInto = (spec: string, entity: string) => ['import', samples, '--into', spec, '--system', 'x', '--entities', entity];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tempsIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'));

interface KillFigures {
  format: string;
  bytes: number;
  unkilledMs: number;
  writeMs: number;
  runs: number;
  old: number;
  new: number;
  killedWhileWriting: number;
}

/**
 * The temporary files of imports in a folder, as they appear and go. Watched (inotify), not
 * polled: a polling loop would take the CPU the imports need.
 */
class TempFiles {
  private readonly seen = new Map<string, { appeared: number; gone?: number }>();
  private readonly waiting = new Set<() => void>();
  private readonly watcher: FSWatcher;

  constructor(private readonly dir: string) {
    this.watcher = watch(dir, (_event, file) => {
      if (!file || !file.endsWith('.tmp')) return;
      const entry = this.seen.get(file);
      if (!entry) this.seen.set(file, { appeared: Date.now() });
      else if (entry.gone === undefined && !existsSync(join(dir, file))) entry.gone = Date.now();
      for (const wake of this.waiting) wake();
    });
  }

  /** When the temporary file of the import with this pid appeared and went, if it did. */
  of(pid: number): { appeared: number; gone?: number } | undefined {
    for (const [file, times] of this.seen) if (file.startsWith('.') && file.includes(`.${pid}.`)) return times;
    return undefined;
  }

  /** Resolves when that file appears, or the process has ended. */
  appears(pid: number, ended: Promise<unknown>): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        if (this.of(pid)) done();
      };
      const done = () => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
      void ended.then(done);
      wake();
    });
  }

  close(): void {
    this.watcher.close();
  }
}

/**
 * Imports into a copy of `old` `runs` times, each killed with SIGKILL at a random point: a third
 * at a random time over a whole import, the others at a random moment after the temporary file
 * appears (while it is written, fsynced and renamed). After each, the spec is the old or the new text.
 */
async function killRuns(name: string, old: string, runs: number, seed: number): Promise<KillFigures> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  const spec = join(dir, `spec.${name}`);
  const oldBytes = Buffer.from(old);
  writeFileSync(spec, oldBytes);
  const temps = new TempFiles(dir);
  try {
    const began = Date.now();
    const first = start(importInto(spec, 'Lead'));
    const unkilled = await first.done;
    const unkilledMs = Date.now() - began;
    expect(unkilled.code, unkilled.stderr).toBe(0);
    // How long the temporary file lived (written, fsynced, renamed): the window the kills aim at.
    const window = temps.of(first.pid);
    const writeMs = Math.max(1, (window?.gone ?? began) - (window?.appeared ?? began));
    const newBytes = readFileSync(spec);
    expect(newBytes.equals(oldBytes)).toBe(false);
    const random = seeded(seed);
    const figures: KillFigures = { format: name, bytes: oldBytes.length, unkilledMs, writeMs, runs, old: 0, new: 0, killedWhileWriting: 0 };
    for (let i = 0; i < runs; i++) {
      // Leftover locks and temporary files of killed runs stay: the next import must cope with them.
      writeFileSync(spec, oldBytes);
      const child = start(importInto(spec, 'Lead'));
      if (i % 3 === 0) await sleep(random() * unkilledMs * 1.1);
      else {
        await temps.appears(child.pid, child.done);
        await sleep(random() * writeMs * 1.5);
      }
      const temp = temps.of(child.pid);
      if (temp && temp.gone === undefined) figures.killedWhileWriting++;
      child.kill();
      await child.done;
      const after = readFileSync(spec);
      const isOld = after.equals(oldBytes);
      const isNew = after.equals(newBytes);
      expect(isOld || isNew, `run ${i}: the spec is ${after.length} bytes, neither the old (${oldBytes.length}) nor the new (${newBytes.length})`).toBe(true);
      if (isOld) figures.old++;
      else figures.new++;
    }
    // The next import after all those kills takes over the stale lock and clears the leftovers.
    writeFileSync(spec, oldBytes);
    const last = await start(importInto(spec, 'Lead')).done;
    expect(last.code, last.stderr).toBe(0);
    expect(readFileSync(spec).equals(newBytes)).toBe(true);
    expect(tempsIn(dir)).toStrictEqual([]);
    return figures;
  } finally {
    temps.close();
  }
}

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());

describe('import --into killed with SIGKILL at random points', () => {
  it('leaves the old or the new spec, byte for byte, every time (50 kills: a 2 MB JSON and a 0.3 MB YAML spec)', async () => {
    const figures = await Promise.all([killRuns('json', largeJson(700), 26, 1), killRuns('yaml', largeYaml(180), 24, 2)]);
    for (const f of figures) {
      console.log(`import kill runs, ${f.format} ${(f.bytes / 1e6).toFixed(1)} MB (unkilled ${f.unkilledMs} ms, temporary file for ${f.writeMs} ms): ${f.runs} kills, ${f.old} left the old spec, ${f.new} the new, ${f.killedWhileWriting} while the temporary file was there`);
      expect(f.old + f.new).toBe(f.runs);
    }
    // The kills reached the write itself, not only the reading and computing before it.
    expect(figures.reduce((n, f) => n + f.killedWhileWriting, 0)).toBeGreaterThan(0);
  }, 180_000);
});

describe('concurrent imports into one spec', () => {
  it('8 imports of different entities at once: each one that exits 0 has its entity in the spec; any other says why', async () => {
    const spec = tmp.write('concurrent.yaml', CLEAN);
    const names = Array.from({ length: 8 }, (_, i) => `Lead${i + 1}`);
    const runs = await Promise.all(names.map((name) => start(importInto(spec, name)).done));
    const loaded = loadSource(readFileSync(spec, 'utf8'), 'yaml');
    if (!loaded.ok) throw new Error(loaded.message);
    const systemX = (loaded.value['systems'] as { id: string; entities?: { name: string }[] }[]).find((s) => s.id === 'x')!;
    const present = new Set(systemX.entities!.map((e) => e.name));
    runs.forEach((run, i) => {
      if (run.code === 0) expect(present.has(names[i]!), `${names[i]} exited 0 but is not in the spec`).toBe(true);
      else {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/: (is being changed by another import|was changed by someone else while importing)/);
        expect(run.stderr).not.toMatch(STACK_FRAME);
      }
    });
    console.log(`concurrent imports: ${runs.filter((r) => r.code === 0).length} of ${runs.length} exited 0, ${present.size} entities in system x`);
    // What the example declared is all still there.
    expect(present.has('ConversionEvent')).toBe(true);
    expect(tempsIn(tmp.dir)).toStrictEqual([]);
  }, 120_000);
});

describe('a write that fails leaves the spec as it was', () => {
  it('a file size limit (EFBIG) while writing: one line, exit 2, the spec unchanged, no temporary file left', async () => {
    const dir = join(tmp.dir, 'efbig');
    mkdirSync(dir);
    const spec = join(dir, 'spec.yaml');
    const old = largeYaml(100);
    writeFileSync(spec, old);
    // Files may grow to half the spec's size: the new spec fails half-way through.
    const run = await start(importInto(spec, 'Lead'), `ulimit -f ${Math.floor(old.length / 1024 / 2)}`).done;
    expect(run.stderr).toBe(`${spec}: cannot be written: the file would be larger than allowed (a file size limit, ulimit -f?) (EFBIG); the spec is unchanged\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(spec, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toStrictEqual(['spec.yaml']);
  });

  it.skipIf(asRoot)('a read-only folder (EACCES): one line, exit 2, the spec unchanged (skipped as root, whom chmod does not stop)', async () => {
    const dir = join(tmp.dir, 'read-only');
    mkdirSync(dir);
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, CLEAN);
    chmodSync(dir, 0o555);
    try {
      const run = await start(importInto(spec, 'Lead')).done;
      expect(run.stderr).toBe(`${spec}: cannot be locked for the import: permission denied (EACCES) (creating ${spec}.lock)\n`);
      expect(run.code).toBe(2);
      expect(readFileSync(spec, 'utf8')).toBe(CLEAN);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('what import --into keeps', () => {
  it('YAML comments, anchors, aliases and merge keys stay as they were; only the entity is added', async () => {
    const before = [
      'specwright: 1  # the format version',
      'id: kept',
      'x-defaults: &defaults',
      '  owner: integrations',
      'systems:',
      '  # the source',
      '  - id: x',
      '    <<: *defaults',
      '    entities:',
      '      - &contact',
      '        name: Contact',
      '        fields: [{ path: email, type: string }]',
      '  - id: y',
      '    x-copy: *contact   # an alias',
      '',
    ].join('\n');
    const spec = tmp.write('kept.yaml', before);
    const run = await start(importInto(spec, 'Lead')).done;
    expect(run.code, run.stderr).toBe(0);
    const entity = ['      - name: Lead', '        fields:', '          - path: email', '            type: string', '            format: email', '            required: true', '          - path: plan', '            type: string', '            required: true', ''].join('\n');
    expect(readFileSync(spec, 'utf8')).toBe(before.replace('  - id: y\n', `${entity}  - id: y\n`));
  });

  it('a UTF-16 spec stays UTF-16, with its byte order mark', async () => {
    const spec = tmp.write('utf16.yaml', Buffer.from('\uFEFF' + CLEAN, 'utf16le'));
    const run = await start(importInto(spec, 'Lead')).done;
    expect(run.code, run.stderr).toBe(0);
    const bytes = readFileSync(spec);
    expect([...bytes.subarray(0, 2)]).toStrictEqual([0xff, 0xfe]);
    expect(bytes.toString('utf16le')).toContain('      - name: Lead\n');
    expect(spawnSync(process.execPath, [BIN, 'check', spec], { encoding: 'utf8' }).status).toBe(0);
  });
});
