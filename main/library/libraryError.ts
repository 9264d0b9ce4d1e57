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
