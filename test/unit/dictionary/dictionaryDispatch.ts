import { createDispatch, createHandlers, type Dispatch } from '../../../main/app/createHandlers';
import { openDictionary } from '../../../main/library/dictionary/openDictionary';
import { openSeededLibrary, type SeededLibrary } from '../../support/seededLibrary';
import { handlerDeps } from '../../support/wiredHandlers';

/** The seeded library behind main's handler table with the dictionary open: the contract as the page calls it. */
export async function openDictionaryDispatch(): Promise<{ seeded: SeededLibrary; dispatch: Dispatch }> {
  const seeded = await openSeededLibrary();
  const handlers = createHandlers(handlerDeps({ library: seeded.library, dictionary: openDictionary(null) }));
  return { seeded, dispatch: createDispatch(handlers, () => undefined) };
}
