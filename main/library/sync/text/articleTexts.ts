import * as Y from 'yjs';
import { LibraryError } from '../../libraryError';
import { findArticleByHash } from '../../store/articles';
import type { Db } from '../../store/openDatabase';
import { articleIdOfUid, uidOfArticle } from '../model/articleRows';
import { articleEntry, currentVersion, setField } from '../model/docShape';
import {
  heldTextNames,
  heldTextStateVector,
  heldVersion,
  readTextUpdate,
  storeArticleText,
  storedArticleText,
  textDoc,
  textDocName,
  textDocUpdate,
  textMatchesUid,
  textNameParts,
  type ArticleText,
} from './articleText';

/**
 * The library's 'text/<uid>' documents (sync/text/articleText). They are not kept in sync_update:
 * the article row is the text, and the document is built from it when a transport asks, so a
 * library file is no bigger for them. What another device sends for an article this device lacks
 * becomes the article, stored as an import stores it; for one it holds, it changes nothing, unless
 * it is the version the library document names as the article's now ('text/<uid>/<hash>', a
 * re-import elsewhere): this device then takes it as a re-import (`adopt`).
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
  apply(
    name: string,
    update: Uint8Array,
    inTransaction: (store: () => number) => void,
    adopt: (articleId: number, hash: string, text: ArticleText) => void,
  ): void;
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
  /** Whether each held text hashes to its name, as found (once per connection: it costs a read and a hash). */
  const addressable = new Map<string, boolean>();
  let toSend = new Set<string>();

  const textOf = (name: string): ArticleText | undefined => {
    const parts = textNameParts(name);
    if (!parts) return undefined;
    const text = storedArticleText(db, parts.uid, parts.hash);
    if (!text) return undefined;
    let ok = addressable.get(name);
    if (ok === undefined) {
      ok = textMatchesUid(parts.hash, text);
      addressable.set(name, ok);
    }
    return ok ? text : undefined;
  };

  const docOf = (name: string): Y.Doc | undefined => {
    const parts = textNameParts(name);
    return parts === undefined ? undefined : textDoc(parts.uid, textOf(name), parts.hash);
  };

  /**
   * A version of an article held here at another, that the library document does not name as its
   * version now: one this device has moved past (or, arriving before the library document names it,
   * asked for again at the next sync, once it does).
   */
  const passedVersion = (name: string): boolean => {
    const parts = textNameParts(name);
    if (!parts) return false;
    const held = heldVersion(db, parts.uid);
    return held !== undefined && held !== parts.hash && currentVersion(library(), parts.uid) !== parts.hash;
  };

  const send = () => {
    const names = toSend;
    toSend = new Set();
    // The library may have closed since the import.
    if (!db.open) return;
    for (const name of names) {
      const text = textOf(name);
      const parts = textNameParts(name);
      if (text && parts) emit(name, textDocUpdate(parts.uid, text, parts.hash));
    }
  };

  const owns = (name: string) => name.startsWith('text/');
  const purgedHere = (uid: string) =>
    library().share.has(`article/${uid}`) && articleEntry(library(), uid).get(purgedKey(deviceId)) === true;

  return {
    owns,
    names: () => heldTextNames(db).filter((name) => addressable.get(name) !== false),
    stateVector(name) {
      if (!owns(name)) return undefined;
      const parts = textNameParts(name);
      if (parts && passedVersion(name)) return heldTextStateVector(parts.hash);
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
    apply(name, update, inTransaction, adopt) {
      const parts = textNameParts(name);
      if (parts === undefined) {
        throw new LibraryError(
          'invalid-argument',
          `"${name}" is not a document of a Pizhu library; nothing changed.`,
          name,
        );
      }
      const { uid, hash } = parts;
      const held = heldVersion(db, uid);
      // Immutable: a text this device holds is the same text (its name is its hash); one it emptied
      // from its trash stays out; another version of an article held here is taken only when the
      // library document names it as the article's now (an older one, or one named later, is not).
      if (held === hash || purgedHere(uid)) return;
      if (held !== undefined && currentVersion(library(), uid) !== hash) return;
      // The same text held here by another article (imported from the edited file itself) is not stored twice.
      const other = findArticleByHash(db, hash);
      if (other || (held === undefined && hash !== uid && articleIdOfUid(db, hash) !== undefined)) return;
      const text = readTextUpdate(name, update);
      if (text !== undefined && 'refused' in text) {
        throw new LibraryError('invalid-argument', `${text.refused}; nothing changed.`, name);
      }
      if (text === undefined) return;
      if (!textMatchesUid(hash, text)) {
        throw new LibraryError(
          'invalid-argument',
          `The text sent for "${name}" does not hash to its name (SHA-256); it was refused and nothing changed.`,
          name,
        );
      }
      const articleId = articleIdOfUid(db, uid);
      if (articleId !== undefined) {
        adopt(articleId, hash, text);
        addressable.set(name, true);
        return;
      }
      inTransaction(() => {
        const storedId = storeArticleText(db, uid, text, nowIso(), hash);
        addressable.set(name, true);
        return storedId;
      });
    },
    imported(articleId) {
      const uid = uidOfArticle(db, articleId);
      if (uid === undefined) return;
      // Imported again after the trash was emptied: its text is taken from others again.
      if (purgedHere(uid)) setField(articleEntry(library(), uid), purgedKey(deviceId), false);
      if (!listening()) return;
      if (toSend.size === 0) setImmediate(send);
      toSend.add(textDocName(uid, heldVersion(db, uid) ?? uid));
    },
    purged(uids) {
      const doc = library();
      doc.transact(() => {
        for (const uid of uids) setField(articleEntry(doc, uid), purgedKey(deviceId), true);
      });
    },
  };
}
