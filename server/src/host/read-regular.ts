// Reading a file that the user's tree or flags name, without ever blocking on it. readFileSync(path) on a named
// pipe waits for a writer forever, and on a character device (/dev/zero) reads forever: one such entry in a
// workspace hung `demarc scan .` and would hang the language server. The file is opened non-blocking, checked with
// fstat on the same descriptor (no window for a swap between check and read), and read only when it is a regular file.
import * as fs from 'node:fs';

/** The code of the error for a path that exists but is not a regular file (a pipe, socket or device). */
export const NOT_REGULAR = 'ENOTREGULAR';

const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** The file's bytes. Throws the usual fs errors, or one with code NOT_REGULAR for pipes, sockets and devices. */
export function readRegularFile(path: string): Buffer {
  const fd = fs.openSync(path, fs.constants.O_RDONLY | NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    if (!st.isFile()) throw Object.assign(new Error(`${path} is not a regular file (a pipe, socket or device)`), { code: NOT_REGULAR });
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text. */
export function readRegularText(path: string): string {
  return readRegularFile(path).toString('utf8');
}
