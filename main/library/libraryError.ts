import type { PizhuErrorCode } from '../../preload/contract/errors';

/** The one error type main/library throws on purpose; the IPC layer and the CLI turn it into a message. */
export class LibraryError extends Error {
  constructor(
    readonly code: PizhuErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

const storageCodes = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PERM)/;

/**
 * A write that the disk refused (full, read-only, locked) as a LibraryError. The transaction
 * it happened in was rolled back, so the message can say that nothing changed.
 */
export function storageError(error: unknown): LibraryError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !storageCodes.test(code)) return undefined;
  const reason = code.startsWith('SQLITE_FULL')
    ? 'the disk is full'
    : code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')
      ? 'the library file or its folder is read-only'
      : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
        ? 'another program is using the library file'
        : 'the disk reported an error';
  return new LibraryError('io-failed', `Pizhu could not save to its library because ${reason}; nothing was changed.`, code);
}
