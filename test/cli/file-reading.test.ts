import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN } from './fixtures.js';
import { ensureBuilt, specwrightMany, STACK_FRAME, tempDir, type Run } from './run.js';

// Every command that reads a spec, schema, sample or page file: a pipe, socket or device is
// refused at once (never waited on, never read forever), an ordinary I/O error is a one-line
// "file: reason" (never "unexpected failure"), and text that is not UTF-8 is told with its position.

const tmp = tempDir('specwright-files-');
const clean = tmp.write('clean.yaml', CLEAN);
const fifo = join(tmp.dir, 'pipe.yaml');
const made = spawnSync('mkfifo', [fifo]);
if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
const socket = join(tmp.dir, 'socket.yaml');
const notDir = join(clean, 'x.yaml');
const loop = join(tmp.dir, 'loop.yaml');
symlinkSync(join(tmp.dir, 'loop2.yaml'), loop);
symlinkSync(loop, join(tmp.dir, 'loop2.yaml'));
const longName = join(tmp.dir, `${'n'.repeat(300)}.yaml`);
// Line 3, after "title: caf" (10 characters): a Latin-1 é.
const latin1 = tmp.write('latin1.yaml', Buffer.concat([Buffer.from('specwright: 1\nid: a\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
const latin1Json = tmp.write('latin1.json', Buffer.concat([Buffer.from('[{"name": "caf'), Buffer.from([0xe9]), Buffer.from('"}]\n')]));
const utf16le = tmp.write('utf16le.yaml', Buffer.from('\uFEFF' + CLEAN, 'utf16le'));
const utf16be = tmp.write('utf16be.yaml', Buffer.from('\uFEFF' + CLEAN, 'utf16le').swap16());
const noBom16 = tmp.write('no-bom-16.yaml', Buffer.from(CLEAN, 'utf16le'));
const locked = tmp.write('locked.yaml', CLEAN);
chmodSync(locked, 0o000);
const outDir = join(tmp.dir, 'out');
mkdirSync(outDir);
const asRoot = process.getuid?.() === 0;

const FIFO = 'cannot be read: it is a named pipe (FIFO), not a file; save the content to a file and name that';
const DEVICE = 'cannot be read: it is a device, not a file; save the content to a file and name that';
const LATIN1 = 'is not valid UTF-8 (byte 0xE9 at byte offset 30); save the file as UTF-8';

let server: Server;
let runs: Record<string, Run>;

/** Each command, given a file where it reads one: [name, args with FILE where the file goes]. */
const READERS: [string, string[]][] = [
  ['test', ['test', 'FILE']],
  ['export', ['export', 'FILE', '--to', 'jsonata']],
  ['convert', ['convert', 'FILE', '--to', 'json']],
  ['automapSource', ['automap', '--source', 'FILE', '--target', `${clean}#y/Customer`]],
  ['automapMemory', ['automap', '--source', `${clean}#x/ConversionEvent`, '--target', `${clean}#y/Customer`, '--memory', 'FILE']],
  ['importSchema', ['import', 'FILE', '--into', clean, '--system', 'y', '--entities', 'Thing']],
  ['importInto', ['import', `${clean}#y/Customer`, '--into', 'FILE', '--system', 'x', '--entities', 'Copy']],
];
const INPUTS = { fifo, zero: '/dev/zero', latin1 } as const;

beforeAll(async () => {
  ensureBuilt();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  const jobs: Record<string, string[]> = {
    // One process, one stderr line per file, in order.
    check: ['check', fifo, socket, '/dev/zero', '/dev/null', notDir, loop, longName, latin1, noBom16],
    checkUtf16: ['check', utf16le, utf16be],
    checkLocked: ['check', locked],
    convertFull: ['convert', clean, '--to', 'json', '--out', '/dev/full'],
    exportNotDir: ['export', clean, '--to', 'fixtures', '--out', join(clean, 'fixtures')],
    automapLatin1Json: ['automap', '--source', latin1Json, '--target', `${clean}#y/Customer`],
  };
  for (const [name, args] of READERS) {
    for (const [input, path] of Object.entries(INPUTS)) jobs[`${name}:${input}`] = args.map((a) => (a === 'FILE' ? path : a));
  }
  runs = await specwrightMany(jobs);
}, 120_000);
afterAll(() => {
  server?.close();
  chmodSync(locked, 0o600);
  tmp.cleanup();
});

/** One line on stderr, exit 2, no stack trace or bug report. */
function refused(run: Run, line: string): void {
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toContain('unexpected failure');
}

describe('specwright check: files that are not regular files, and I/O errors', () => {
  it('refuses a FIFO, a socket and devices at once, and names every ordinary I/O error, one line each', () => {
    const run = runs['check']!;
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toStrictEqual([
      `${fifo}: ${FIFO}`,
      `${socket}: cannot be read: it is a socket, not a file; save the content to a file and name that`,
      `/dev/zero: ${DEVICE}`,
      `/dev/null: ${DEVICE}`,
      `${notDir}: cannot be read: a part of the path is a file, not a folder (ENOTDIR)`,
      `${loop}: cannot be read: too many symbolic links, or a link that points to itself (ELOOP)`,
      `${longName}: cannot be read: the name is too long (ENAMETOOLONG)`,
      `${latin1}:3:11: ${LATIN1}`,
      `${noBom16}:1:1: cannot be read: it looks like UTF-16 text without a byte order mark; save the file as UTF-8`,
    ]);
  });

  it('reads a spec saved as UTF-16 with a byte order mark, in either byte order', () => {
    expect(runs['checkUtf16']).toMatchObject({ code: 0, stderr: '' });
    expect(runs['checkUtf16']!.stdout.trimEnd().split('\n').at(-1)).toBe('✔ no problems in 2 files');
  });

  it.skipIf(asRoot)('a file it may not read: permission denied (EACCES) (skipped as root, whom chmod 000 does not stop)', () => {
    refused(runs['checkLocked']!, `${locked}: cannot be read: permission denied (EACCES)`);
  });
});

describe('every command that reads a file refuses a FIFO and /dev/zero, and tells invalid UTF-8 with its line and column', () => {
  it.each(READERS.map(([name]) => name))('%s', (name) => {
    refused(runs[`${name}:fifo`]!, `${fifo}: ${FIFO}`);
    refused(runs[`${name}:zero`]!, `/dev/zero: ${DEVICE}`);
    refused(runs[`${name}:latin1`]!, `${latin1}:3:11: ${LATIN1}`);
  });

  it('automap: invalid UTF-8 in sample records, too', () => {
    refused(runs['automapLatin1Json']!, `${latin1Json}:1:15: is not valid UTF-8 (byte 0xE9 at byte offset 14); save the file as UTF-8`);
  });
});

describe('writing output: ordinary I/O errors are one line, not a bug report', () => {
  it('convert --out on a full device: no space left (ENOSPC)', () => {
    refused(runs['convertFull']!, '/dev/full: cannot be written: no space left on the device (ENOSPC)');
  });

  it('export --out under a file: a part of the path is a file (ENOTDIR)', () => {
    refused(runs['exportNotDir']!, `${join(clean, 'fixtures', 'TC-1.json')}: cannot be written: a part of the path is a file, not a folder (ENOTDIR)`);
  });
});
