import { describe, expect, it } from 'vitest';
import { describeReadError, describeSystemFileError, describeWriteError, FileError, isSystemFileError } from './file-errors.js';

// Errors no test can cause on demand (a full disk, too many open files) still read as a reason, never a bug report.
const systemError = (code: string, syscall: string, path = 'spec.yaml') => Object.assign(new Error(`${code}: some words, ${syscall} '${path}'`), { code, syscall, path });

describe('describeReadError / describeWriteError', () => {
  it.each([
    ['ENOENT', 'cannot be read: there is no such file (check the path)'],
    ['EISDIR', 'is a directory; name the spec files in it (for example dir/*.yaml)'],
    ['EACCES', 'cannot be read: permission denied (EACCES)'],
    ['ENOTDIR', 'cannot be read: a part of the path is a file, not a folder (ENOTDIR)'],
    ['ELOOP', 'cannot be read: too many symbolic links, or a link that points to itself (ELOOP)'],
    ['EMFILE', 'cannot be read: too many files are open (raise the limit with ulimit -n, or close other programs) (EMFILE)'],
    ['EIO', 'cannot be read: an input/output error (a failing disk or network file system?) (EIO)'],
    ['ERR_FS_FILE_TOO_LARGE', 'cannot be read: it is larger than 2 GB, too large for a spec (ERR_FS_FILE_TOO_LARGE)'],
  ])('reading, %s: %s', (code, sentence) => {
    expect(describeReadError(systemError(code, 'open'))).toBe(sentence);
  });

  it.each([
    ['ENOSPC', 'cannot be written: no space left on the device (ENOSPC)'],
    ['EDQUOT', 'cannot be written: the disk quota is used up (EDQUOT)'],
    ['EROFS', 'cannot be written: the file system is read-only (EROFS)'],
    ['EFBIG', 'cannot be written: the file would be larger than allowed (a file size limit, ulimit -f?) (EFBIG)'],
    ['EISDIR', 'cannot be written: it is a directory'],
  ])('writing, %s: %s', (code, sentence) => {
    expect(describeWriteError(systemError(code, 'write'))).toBe(sentence);
  });

  it('an unknown code keeps the words of the system, not the path it repeats', () => {
    expect(describeReadError(systemError('EWEIRD', 'read', '/secret/place'))).toBe('cannot be read: some words (EWEIRD)');
  });

  it('a FileError says its own sentence', () => {
    expect(describeReadError(new FileError('f', 'is not valid UTF-8 (…)', 'EENCODING', 1, 2))).toBe('is not valid UTF-8 (…)');
  });

  it('an unexpected system error is told by the call that failed', () => {
    const error = systemError('ENOSPC', 'write');
    expect(isSystemFileError(error)).toBe(true);
    expect(describeSystemFileError(error)).toBe('cannot be written: no space left on the device (ENOSPC)');
    expect(describeSystemFileError(systemError('EACCES', 'scandir'))).toBe('cannot be read: permission denied (EACCES)');
    expect(describeSystemFileError(systemError('EMFILE', 'open'))).toBe('cannot be opened: too many files are open (raise the limit with ulimit -n, or close other programs) (EMFILE)');
    expect(isSystemFileError(new TypeError('x is not a function'))).toBe(false);
  });
});
