import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileError } from './file-errors.js';
import { acquireLock, STALE_AFTER_MS } from './file-lock.js';
import { updateFile } from './replace-file.js';

let dir: string;
let spec: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specwright-replace-'));
  spec = join(dir, 'spec.yaml');
  writeFileSync(spec, 'old\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<FileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

/** A pid that ran and has ended: no process has it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('updateFile', () => {
  it('replaces the content, keeps the permissions, and leaves no lock or temporary file', async () => {
    chmodSync(spec, 0o640);
    expect(await updateFile(spec, (text) => ({ text: text + 'new\n', value: 7 }))).toBe(7);
    expect(readFileSync(spec, 'utf8')).toBe('old\nnew\n');
    expect(statSync(spec).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toStrictEqual(['spec.yaml']);
  });

  it('writes nothing when the change gives no text', async () => {
    const before = statSync(spec).mtimeMs;
    expect(await updateFile(spec, () => ({ value: 'refused' }))).toBe('refused');
    expect(statSync(spec).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toStrictEqual(['spec.yaml']);
  });

  it('refuses, writing nothing, when someone else changed the file while the change was computed', async () => {
    const error = await rejection(
      updateFile(spec, (text) => {
        writeFileSync(spec, 'edited in an editor meanwhile\n'); // a writer that takes no lock
        return { text: text + 'new\n', value: 0 };
      }),
    );
    expect(error.sentence).toBe('was changed by someone else while importing; nothing was written: run the import again');
    expect(readFileSync(spec, 'utf8')).toBe('edited in an editor meanwhile\n');
    expect(readdirSync(dir)).toStrictEqual(['spec.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a spec its owner made read-only, as a write in place would (skipped as root, who may write any file)', async () => {
    chmodSync(spec, 0o444);
    const error = await rejection(updateFile(spec, () => ({ text: 'new\n', value: 0 })));
    expect(error.sentence).toBe('cannot be written: permission denied (EACCES); the spec is unchanged');
    expect(readFileSync(spec, 'utf8')).toBe('old\n');
  });

  it('a symbolic link stays a link: the file it points to is replaced', async () => {
    const link = join(dir, 'link.yaml');
    symlinkSync(spec, link);
    await updateFile(link, () => ({ text: 'new\n', value: 0 }));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(spec, 'utf8')).toBe('new\n');
  });

  it('removes temporary files that killed imports left behind, but not those of a live process', async () => {
    const dead = join(dir, `.spec.yaml.${deadPid()}.abcd.tmp`);
    const live = join(dir, `.spec.yaml.${process.ppid}.abcd.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'half');
    await updateFile(spec, () => ({ text: 'new\n', value: 0 }));
    expect(readdirSync(dir).sort()).toStrictEqual([`.spec.yaml.${process.ppid}.abcd.tmp`, 'spec.yaml']);
  });
});

describe('acquireLock', () => {
  const lockFile = () => `${spec}.lock`;
  const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2024-01-01T00:00:00.000Z', token: 'theirs' });

  it('creates <file>.lock saying who holds it, and removes it on release', async () => {
    const lock = await acquireLock(spec);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(readdirSync(dir)).toStrictEqual(['spec.yaml']);
  });

  it('waits for a live holder, then refuses with who holds it and what to do', async () => {
    writeFileSync(lockFile(), owner(process.ppid));
    const started = Date.now();
    const error = await rejection(acquireLock(spec, { waitMs: 300 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(error.sentence).toBe(`is being changed by another import (process ${process.ppid} since 2024-01-01T00:00:00.000Z); run this one again when it has ended, or remove ${lockFile()} if no import is running`);
    expect(readFileSync(lockFile(), 'utf8')).toBe(owner(process.ppid));
  });

  it('takes the lock as soon as its holder releases it', async () => {
    const first = await acquireLock(spec);
    setTimeout(() => void first.release(), 150);
    const second = await acquireLock(spec, { waitMs: 5_000 });
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).token).not.toBe(undefined);
    await second.release();
  });

  it('takes over a stale lock: its process is gone, or it is older than the stale age, or it was left empty', async () => {
    for (const [content, age] of [
      [owner(deadPid()), 0],
      [owner(process.ppid, 'another-host'), STALE_AFTER_MS + 1_000],
      ['', 5_000],
    ] as const) {
      writeFileSync(lockFile(), content);
      const then = (Date.now() - age) / 1000;
      utimesSync(lockFile(), then, then);
      const lock = await acquireLock(spec, { waitMs: 0 });
      expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
      await lock.release();
    }
  });

  it('does not remove a lock that another process took over meanwhile', async () => {
    const lock = await acquireLock(spec);
    writeFileSync(lockFile(), owner(process.ppid));
    await lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe(owner(process.ppid));
  });
});
