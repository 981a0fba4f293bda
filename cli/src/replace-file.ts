import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, chown, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeWriteError, FileError } from './file-errors.js';
import { acquireLock } from './file-lock.js';
import { decodeText, encodeText, readFileBytes, statRegularFile, type TextEncoding } from './text-file.js';

/**
 * Changing a file in place so that it is never lost: under the file's lock, the new text goes to
 * a temporary file in the same folder, is flushed to disk (fsync), and is renamed over the file
 * (then the folder is flushed too). A rename is atomic: whenever the process stops — killed, out
 * of disk, a power cut after the fsyncs — the file holds either its old or its new content.
 *
 * A writer that does not take the lock (an editor saving the file) is caught by comparing the
 * file's content hash just before the rename with the one the change was computed from.
 */

/** What a change makes of a file's text: new text to write, or none (nothing is written), and a value for the caller. */
export interface Change<T> {
  text?: string;
  value: T;
}

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const CHUNK = 1 << 20;
const TEMP = (target: string) => `.${basename(target)}.`;

/**
 * Reads `file`, hands its text to `change`, and writes what it returns, atomically. Throws FileError
 * when the file cannot be read, locked or written (it is then unchanged, the temporary file
 * removed), or changed under us meanwhile.
 */
export async function updateFile<T>(file: string, change: (text: string) => Change<T> | Promise<Change<T>>): Promise<T> {
  // A symbolic link stays a link: the file it points to is the one replaced (and locked).
  const target = await realpath(file);
  // Before any lock file is made beside it: a pipe or device (/dev/null) is refused here.
  await statRegularFile(file);
  // A rename would replace a file its owner made read-only; that is a refusal, as a write in place would be.
  try {
    await access(target, constants.W_OK);
  } catch (error) {
    throw new FileError(file, `${describeWriteError(error)}; the spec is unchanged`, codeOf(error));
  }
  let lock;
  try {
    lock = await acquireLock(target);
  } catch (error) {
    if (error instanceof FileError) throw new FileError(file, error.sentence, error.code);
    throw new FileError(file, `cannot be locked for the import: ${describeWriteError(error).replace(/^cannot be written: /, '')} (creating ${target}.lock)`, codeOf(error));
  }
  try {
    await removeLeftoverTemps(target);
    const before = await readFileBytes(target);
    const { text, encoding } = decodeText(file, before);
    const changed = await change(text);
    if (changed.text === undefined) return changed.value;
    await replaceContent(file, target, changed.text, encoding, hash(before));
    return changed.value;
  } finally {
    await lock.release();
  }
}

const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? 'EIO');

async function replaceContent(file: string, target: string, text: string, encoding: TextEncoding, expectedHash: string): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `${TEMP(target)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const unchanged = 'the spec is unchanged';
  let created = false;
  try {
    const info = await stat(target);
    const handle = await open(temp, 'wx', info.mode & 0o777);
    created = true;
    try {
      const bytes = encodeText(text, encoding);
      for (let at = 0; at < bytes.length; at += CHUNK) {
        const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
        let done = 0;
        while (done < chunk.length) done += (await handle.write(chunk, done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The temporary file takes the spec's permissions (the umask may have narrowed them) and, where allowed, its owner.
    await chmod(temp, info.mode & 0o7777);
    await chown(temp, info.uid, info.gid).catch(() => undefined);
    if (hash(await readFileBytes(target)) !== expectedHash)
      throw new FileError(file, `was changed by someone else while importing; nothing was written: run the import again`, 'ECHANGED');
    await rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    if (error instanceof FileError) throw error;
    throw new FileError(file, `${describeWriteError(error)}; ${unchanged}`, codeOf(error));
  }
  await syncFolder(folder);
}

/** Flushes a folder's entries (the rename) to disk; where a folder cannot be opened for that, the rename stands as it is. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms and file systems refuse fsync on a folder (EISDIR, EINVAL, EPERM).
  }
}

/** Temporary files of imports that were killed before they could remove them (their process is gone). */
async function removeLeftoverTemps(target: string): Promise<void> {
  const prefix = TEMP(target);
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') await unlink(join(dirname(target), name)).catch(() => undefined);
    }
  }
}
