/**
 * A file that could not be read or written, told as a sentence that follows the file's name
 * (`spec.yaml: cannot be read: permission denied (EACCES)`), with the line and column where
 * the fault is inside the file (invalid UTF-8). Never a stack trace.
 */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly file: string,
    /** What follows `file:` (or `file:line:column:`) in the message. */
    readonly sentence: string,
    /** The system error code (ENOENT, EISDIR…) or one of ours (EFIFO, EENCODING…). */
    readonly code: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(sentence);
  }
}

/** Why a system call failed, in words: the part after "cannot be read:" or "cannot be written:". */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links, or a link that points to itself',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open (raise the limit with ulimit -n, or close other programs)',
  ENFILE: 'too many files are open on this system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be larger than allowed (a file size limit, ulimit -f?)',
  EROFS: 'the file system is read-only',
  EIO: 'an input/output error (a failing disk or network file system?)',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  ENXIO: 'it is a device or socket that cannot be opened as a file',
  EAGAIN: 'it is not ready (a device or pipe?)',
  ENOENT: 'there is no such file (check the path)',
  EEXIST: 'a file of that name already exists',
  ERR_FS_FILE_TOO_LARGE: 'it is larger than 2 GB, too large for a spec',
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The reason a system error gives, with its code for searching: `permission denied (EACCES)`. */
function reason(error: unknown): string {
  const code = codeOf(error);
  const known = code !== undefined ? REASONS[code] : undefined;
  if (known !== undefined) return `${known} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages repeat the call and path ("EIO: i/o error, open 'x'"): keep the words.
  const words = message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  return code !== undefined && !words.includes(code) ? `${words} (${code})` : words;
}

/** A sentence for why a file could not be read, without a stack trace. */
export function describeReadError(error: unknown): string {
  if (error instanceof FileError) return error.sentence;
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'cannot be read: there is no such file (check the path)';
    case 'EISDIR':
      return 'is a directory; name the spec files in it (for example dir/*.yaml)';
    default:
      return `cannot be read: ${reason(error)}`;
  }
}

/** A sentence for why a file could not be written. */
export function describeWriteError(error: unknown): string {
  if (error instanceof FileError) return error.sentence;
  if (codeOf(error) === 'EISDIR') return 'cannot be written: it is a directory';
  return `cannot be written: ${reason(error)}`;
}

/** The line and column a read error points at inside the file, when it has them. */
export function readErrorPosition(error: unknown): { line?: number; column?: number } {
  if (!(error instanceof FileError) || error.line === undefined) return {};
  return error.column === undefined ? { line: error.line } : { line: error.line, column: error.column };
}

/** True for an error of the operating system about a file (it has a code and a path): the user's to fix, not a bug. */
export function isSystemFileError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof codeOf(error) === 'string' && typeof (error as { path?: unknown }).path === 'string';
}

const READS = new Set(['read', 'stat', 'lstat', 'fstat', 'scandir', 'readlink', 'realpath', 'access']);

/** For a system error caught where it was not expected: read or written, told by the call that failed. */
export function describeSystemFileError(error: NodeJS.ErrnoException): string {
  if (error.syscall !== undefined && READS.has(error.syscall)) return describeReadError(error);
  if (error.syscall === 'open' || error.syscall === undefined) return `cannot be opened: ${reason(error)}`;
  return describeWriteError(error);
}
