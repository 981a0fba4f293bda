import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FileError } from './file-errors.js';

/**
 * An exclusive lock on a file, held as `<file>.lock` created with `wx` (so exactly one process
 * creates it). The lock file says who holds it: `{"pid", "host", "since", "token"}`.
 *
 * A lock is stale, and taken over, when its process is gone (same host, the pid no longer runs:
 * a killed import) or it is older than STALE_AFTER_MS (another host, or a pid reused by some
 * other program). A lock held by a live process is waited for, up to WAIT_MS, then refused.
 */

export const WAIT_MS = 15_000;
export const STALE_AFTER_MS = 10 * 60_000;
/** A lock file still empty this long after it was made was left by a process killed while writing it. */
const EMPTY_GRACE_MS = 2_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export interface HeldLock {
  readonly file: string;
  release(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function readOwner(lockFile: string): Promise<{ owner?: LockOwner; text: string; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    let owner: LockOwner | undefined;
    try {
      const parsed = JSON.parse(text) as Partial<LockOwner>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') owner = parsed as LockOwner;
    } catch {
      owner = undefined;
    }
    return { ...(owner ? { owner } : {}), text, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // released meanwhile
    throw error;
  }
}

function isStale(found: { owner?: LockOwner; text: string; ageMs: number }): boolean {
  if (found.ageMs > STALE_AFTER_MS) return true;
  if (!found.owner) return found.ageMs > EMPTY_GRACE_MS;
  return found.owner.host === hostname() && processIsGone(found.owner.pid);
}

/**
 * Takes the lock on `file` (the spec), waiting while another live process holds it. `what` names
 * the work in the refusal ("is being changed by another import …").
 */
export async function acquireLock(file: string, options: { waitMs?: number } = {}): Promise<HeldLock> {
  const lockFile = `${file}.lock`;
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(JSON.stringify(mine) + '\n');
      } finally {
        await handle.close();
      }
      return { file: lockFile, release: () => releaseLock(lockFile, mine.token) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = await readOwner(lockFile);
    if (found === undefined) continue;
    if (isStale(found)) {
      // Take it over only if it is still the lock judged stale (another process may have done so first).
      const again = await readOwner(lockFile);
      if (again !== undefined && again.text === found.text) await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = found.owner ? `process ${found.owner.pid}${found.owner.host === hostname() ? '' : ` on ${found.owner.host}`} since ${found.owner.since}` : 'another process';
      throw new FileError(file, `is being changed by another import (${who}); run this one again when it has ended, or remove ${lockFile} if no import is running`, 'ELOCKED');
    }
    await sleep(20 + Math.random() * 60);
  }
}

/** Removes the lock file if it is still ours (a process that took over a lock it judged stale owns it now). */
async function releaseLock(lockFile: string, token: string): Promise<void> {
  const found = await readOwner(lockFile).catch(() => undefined);
  if (found?.owner?.token === token) await unlink(lockFile).catch(() => undefined);
}
