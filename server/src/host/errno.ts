// Plain words for the file-system errors people meet (permissions, a full disk, link loops), shared by every
// message that names a file the CLI or the server could not read or write.

/** The reason behind a failed file-system call, in words; undefined for errors without a known code. */
export function errnoReason(e: unknown): string | undefined {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTREGULAR':
      return 'not a regular file (a pipe, socket or device)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return undefined;
  }
}

/** errnoReason, or the error's own message. */
export function errnoText(e: unknown): string {
  return errnoReason(e) ?? (e instanceof Error ? e.message : String(e));
}
