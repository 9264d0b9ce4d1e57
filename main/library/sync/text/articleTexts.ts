import * as Y from 'yjs';
import { LibraryError } from '../../libraryError';
import { findArticleByHash } from '../../store/articles';
import type { Db } from '../../store/openDatabase';
import { articleIdOfUid, uidOfArticle } from '../model/articleRows';
import { articleEntry, setField } from '../model/docShape';
import {
  readTextUpdate,
  replicableUids,
  storeArticleText,
  storedArticleText,
  textDoc,
  textDocName,
  textDocUpdate,
  textMatchesUid,
  textUidOf,
  type ArticleText,
} from './articleText';

/**
 * The library's 'text/<uid>' documents (sync/text/articleText). They are not kept in sync_update:
 * the article row is the text, and the document is built from it when a transport asks, so a
 * library file is no bigger for them. What another device sends for an article this device lacks
 * becomes the article, stored as an import stores it; for one it holds, it changes nothing.
 */
export interface ArticleTexts {
  owns(name: string): boolean;
  names(): string[];
  /** The text document's state vector; undefined for any other document. */
  stateVector(name: string): Uint8Array | undefined;
  /** The text document against another side's state vector; undefined for any other document. */
  diff(name: string, stateVector?: Uint8Array): Uint8Array | undefined;
  /**
   * Another side's text document: an article this device lacks is stored by `store` (run in the
   * model's transaction, with its projection of what waited for the article). A text that does
   * not hash to its name, or cannot be read, is refused by name and nothing changes.
   */
  apply(name: string, update: Uint8Array, inTransaction: (store: () => number) => void): void;
  /** An article imported here: its text is sent to the transports once the import has committed. */
  imported(articleId: number): void;
  /** Articles this device deleted for good (the trash emptied): their texts coming back from others are not stored again here. */
  purged(uids: readonly string[]): void;
}

/**
 * The library document's mark, on an article's details, that this device emptied it from its
 * trash: per device, as emptying the trash is (the others keep it in theirs, a soft state).
 */
const purgedKey = (deviceId: string) => `purged:${deviceId}`;

export function articleTexts(
  db: Db,
  nowIso: () => string,
  emit: (name: string, update: Uint8Array) => void,
  library: () => Y.Doc,
  deviceId: string,
  /** Whether a transport listens now: without one, an import builds no documents (a later sync finds the texts). */
  listening: () => boolean,
): ArticleTexts {
  /** Whether each article's stored text hashes to its uid, as found (once per connection: it costs a read and a hash). */
  const addressable = new Map<string, boolean>();
  let toSend = new Set<string>();

  const textOf = (uid: string): ArticleText | undefined => {
    const text = storedArticleText(db, uid);
    if (!text) return undefined;
    let ok = addressable.get(uid);
    if (ok === undefined) {
      ok = textMatchesUid(uid, text);
      addressable.set(uid, ok);
    }
    return ok ? text : undefined;
  };

  const docOf = (name: string): Y.Doc | undefined => {
    const uid = textUidOf(name);
    return uid === undefined ? undefined : textDoc(uid, textOf(uid));
  };

  const send = () => {
    const uids = toSend;
    toSend = new Set();
    // The library may have closed since the import.
    if (!db.open) return;
    for (const uid of uids) {
      const text = textOf(uid);
      if (text) emit(textDocName(uid), textDocUpdate(uid, text));
    }
  };

  const owns = (name: string) => name.startsWith('text/');
  const purgedHere = (uid: string) =>
    library().share.has(`article/${uid}`) && articleEntry(library(), uid).get(purgedKey(deviceId)) === true;

  return {
    owns,
    names: () =>
      replicableUids(db)
        .filter((uid) => addressable.get(uid) !== false)
        .map(textDocName),
    stateVector(name) {
      if (!owns(name)) return undefined;
      const doc = docOf(name) ?? new Y.Doc({ guid: name });
      const vector = Y.encodeStateVector(doc);
      doc.destroy();
      return vector;
    },
    diff(name, stateVector) {
      if (!owns(name)) return undefined;
      const doc = docOf(name) ?? new Y.Doc({ guid: name });
      const update = Y.encodeStateAsUpdate(doc, stateVector);
      doc.destroy();
      return update;
    },
    apply(name, update, inTransaction) {
      const uid = textUidOf(name);
      if (uid === undefined) {
        throw new LibraryError(
          'invalid-argument',
          `"${name}" is not a document of a Pizhu library; nothing changed.`,
          name,
        );
      }
      // Immutable: a text this device holds is the same text (its uid is its hash), also when an article
      // re-imported over an edited file holds it here; one it emptied from its trash stays out.
      if (articleIdOfUid(db, uid) !== undefined || findArticleByHash(db, uid) || purgedHere(uid)) return;
      const text = readTextUpdate(name, update);
      if (text !== undefined && 'refused' in text) {
        throw new LibraryError('invalid-argument', `${text.refused}; nothing changed.`, name);
      }
      if (text === undefined) return;
      inTransaction(() => {
        const articleId = storeArticleText(db, uid, text, nowIso());
        addressable.set(uid, true);
        return articleId;
      });
    },
    imported(articleId) {
      const uid = uidOfArticle(db, articleId);
      if (uid === undefined) return;
      // Imported again after the trash was emptied: its text is taken from others again.
      if (purgedHere(uid)) setField(articleEntry(library(), uid), purgedKey(deviceId), false);
      if (!listening()) return;
      if (toSend.size === 0) setImmediate(send);
      toSend.add(uid);
    },
    purged(uids) {
      const doc = library();
      doc.transact(() => {
        for (const uid of uids) setField(articleEntry(doc, uid), purgedKey(deviceId), true);
      });
    },
  };
}
