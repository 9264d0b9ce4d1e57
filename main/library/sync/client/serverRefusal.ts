import { LibraryError } from '../../libraryError';
import { parseRefusal, syncModelVersion } from '../server/syncProtocol';

/**
 * The error a device reports for a server's refusal, by what was refused: another sync model says
 * which side to update ('library-too-new' when the server is newer, 'sync-server-too-old' when it is
 * older), a token not a member is 'sync-refused', and a document or update the server would not
 * take names it. A reason that is no Pizhu refusal (a server from before the handshake) is a refused token.
 */
export function refusalError(url: string, reason: string, ourModel: number = syncModelVersion): LibraryError {
  const refusal = parseRefusal(reason);
  if (refusal?.kind === 'model') {
    if (refusal.server > ourModel) {
      return new LibraryError(
        'library-too-new',
        `The sync server at ${url} is from a newer Pizhu (sync model ${refusal.server}; this Pizhu speaks ${ourModel}): update Pizhu on this computer to sync with it. Nothing was exchanged and this library is unchanged.`,
        url,
      );
    }
    return new LibraryError(
      'sync-server-too-old',
      `The sync server at ${url} is from an older Pizhu (sync model ${refusal.server}; this Pizhu speaks ${ourModel}): whoever runs it must update it. Nothing was exchanged and this library is unchanged.`,
      url,
    );
  }
  if (refusal?.kind === 'document' || refusal?.kind === 'update') {
    return new LibraryError('sync-refused-update', `The sync server at ${url} refused: ${refusal.message}`, url);
  }
  return new LibraryError(
    'sync-refused',
    `The sync server at ${url} refused the token (${refusal?.message ?? reason})`,
    url,
  );
}
