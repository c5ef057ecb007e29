/** The code of a file-system error (`ENOENT`, `EACCES`, ...), if it has one. */
export function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** A file-system error in plain words, without the system call and path Node puts in its message. */
export function describeFsError(e: unknown): string {
  switch (errorCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOENT':
      return 'a folder on the way does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the disk';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
