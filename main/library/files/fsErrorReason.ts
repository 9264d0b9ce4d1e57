/** What a file-system error code means to the person, for messages; the code itself when Pizhu has no words for it. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ELOOP: 'its symbolic links lead round in a loop',
  ENOENT: 'it does not exist (a symbolic link to nothing, or moved meanwhile)',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

export function fsErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'error';
  const reason = reasons[code];
  return reason ? `${reason}, ${code}` : code;
}
