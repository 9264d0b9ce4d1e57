import os from 'node:os';
import * as Y from 'yjs';
import { setChangeSink, type ChangeCause, type ChangeSink } from '../../journal/changeSink';
import type { RowChange } from '../../journal/journaledTables';
import { LibraryError } from '../../libraryError';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import type { RefusedUpdate, SyncEndpoint } from '../syncEndpoint';
import { documentState, projectionState, sorted, type Json } from './canonicalDump';
import { changesToDocs } from './changesToDocs';
import { articleDocName, articleUidOf, createDocStore, libraryDoc, remoteOrigin, type DocStore } from './docStore';
import { unknownArticleRows, unknownLibraryRows } from './adoptUnknownRows';
import { articleIdOfUid, paragraphIdsByOrd, uidOfArticle } from './articleRows';
import { rowsAsInserts } from './rowsAsInserts';
import { kindsAsInserts, markKindsAsRows } from './paragraphKinds';
import {
  hasVocabularyWaitingFor,
  projectWordData,
  touchesOverrides,
  watchWordData,
  wordDataAsInserts,
  type WordDataWatch,
} from './wordData';
import {
  articlesUsingTag,
  markRowless,
  noteResolvedTags,
  projectArticle,
  projectLibrary,
  tagResolution,
} from './projectDocs';
import { articlesSplitAnew, articlesWithUnplacedTags } from './unplacedEntries';
import { supersededBy, supersededRowColumns, type Superseded, type SupersededRow } from './supersededValues';
import { maxWriterText, recordWriter, type Writer } from './writers';
import { articleEntry, currentVersion, setField, versionKey } from './docShape';
import { listMembers } from '../../team/members';
import { articleTexts } from '../text/articleTexts';
import { heldVersion, type ArticleText } from '../text/articleText';
import { recleanArticle } from '../../reclean/recleanArticle';
import { stalePlaces } from './stalePlaces';
import { purgeDeleted, type PurgeContext, type PurgeOutcome } from '../purge/purgeDeleted';
import { afterTaking } from '../purge/seenState';
import { createAfterSyncPurge } from '../purge/purgeAfterSync';
import { purgeCount } from '../purge/tombstones';
import { paragraphTexts, placesOf, recordSplit, splitName } from './paragraphPlaces';

/** Rows written into the documents by the model itself (seeding, adopting, capturing): no person's journal step. */
const bookkeeping: ChangeCause = {};

/** A value lost to another device's concurrent write, as this device recorded it. */
export interface SupersededRecord extends Superseded {
  doc: string;
  recordedAt: string;
}

/** The articles a merge wrote into: those it stored new, and those it added annotations to. */
export interface MergedArticles {
  stored: readonly number[];
  changed: readonly number[];
}

export interface SyncModel extends SyncEndpoint {
  /** Every document's replicated state, sorted and keyed by uid: equal on devices that have seen the same updates. */
  dump(): Json;
  /** The rows this device projects from the documents, keyed by uid: equal on devices that have seen the same updates. */
  projectionDump(): Json;
  /** Writes every document's rows again from the documents alone, in one transaction. */
  rebuildProjection(): void;
  /** The values this device showed that a concurrent write elsewhere replaced, oldest first. */
  superseded(): SupersededRecord[];
  /** An article just stored: annotations that arrived for it before its text are projected now (inside the import's transaction). */
  articleStored(articleId: number): void;
  /** A new article whose details the person gave (not its text): they go into the library document, as an edit of them would. */
  detailsGiven(articleId: number): void;
  /**
   * Runs a writer that changes annotation rows outside the journal (a re-clean re-anchoring
   * highlights) and writes what it changed in the articles into their documents, in one transaction.
   */
  captured<T>(articleIds: readonly number[], write: () => T): T;
  /**
   * Runs a writer that adds rows of any kind outside the journal (a JSON backup merged in) and
   * writes them into the documents in the same transaction: the library document's rows it never
   * knew, the articles the writer stored (as an import stores them) and every article it changed.
   * The writer calls `articleStored` as soon as it has stored a new article's text, before its
   * annotations: what the article's document holds from other devices is then in its rows, for the
   * writer to join its own to. `touched` is asked after the write, inside the transaction.
   */
  merged<T>(write: (articleStored: (articleId: number) => void) => T, touched: () => MergedArticles): T;
  /** Purges this device's deleted highlights every device has seen (sync/purge), in one transaction. */
  purge(): PurgeOutcome;
  /** What purge would do now, and which devices hold the rest back. */
  purgeStatus(): PurgeOutcome;
  /**
   * The purge a device runs once a sync is quiescent (sync/purge/purgeAfterSync): bounded, in its
   * own transaction, a small query when nothing changed; undefined when it judged nothing.
   */
  purgeAfterSync(): PurgeOutcome | undefined;
  /** Runs a writer that deletes the trashed articles for good, in one transaction; their texts are not taken from other devices again. */
  emptied<T>(write: () => T): T;
  close(): void;
}

/**
 * The library's side of sync on its SQLite file: the journal's row changes become Yjs operations
 * in the same transaction (as the connection's change sink), another device's updates become
 * rows in one transaction of their own, outside the person's undo history, and what a concurrent
 * write replaced is kept in sync_superseded.
 */
export function createSyncModel(db: Db, nowIso: () => string, deviceName: string = hostName()): SyncModel {
  const store = createDocStore(db);
  const listeners = new Set<(name: string, update: Uint8Array) => void>();
  const deviceId = db.prepare<[], string>('SELECT device_id FROM sync_state').pluck().get() ?? '';

  let resolution = tagResolution(store.get(libraryDoc));
  /**
   * Article documents holding an assignment on a tag with no live row here, as projected since
   * the open (undefined until every document has been projected once, and after a rollback):
   * when tags change, these and the articles of removed tags are all that can change.
   */
  let waitingOnTags: Set<string> | undefined;
  /** Inside a batch (applyMany): work joins the batch's one transaction, committed and emitted once. */
  let transactionDepth = 0;
  /** Documents another device's updates were integrated into since the purge after a sync last asked (it looks again only then). */
  let takenDocs = new Set<string>();

  const emit = (name: string, update: Uint8Array) => {
    for (const listener of listeners) listener(name, update);
  };
  const emitCommitted = () => {
    for (const { name, update } of store.takeCommitted()) emit(name, update);
    store.trim();
  };
  /** Article texts ('text/<uid>'): immutable, built from the article rows, an absent article stored from them. */
  const texts = articleTexts(
    db,
    nowIso,
    emit,
    () => store.get(libraryDoc),
    deviceId,
    () => listeners.size > 0,
  );

  /** A new article's held annotations, and its details when the library document holds any, projected now. */
  const projectNewArticle = (articleId: number) => {
    const uid = uidOfArticle(db, articleId);
    if (uid === undefined) return;
    // Its details, or vocabulary words saved in it on another device, now linked to it.
    const library = store.get(libraryDoc);
    const waiting = hasVocabularyWaitingFor(db, library, uid);
    if (waiting) wordDataWatch(library).articleStored();
    if (library.share.has(`article/${uid}`) || waiting) project([libraryDoc]);
    if (!store.has(articleDocName(uid))) return;
    noteWaiting(articleDocName(uid), projectArticle(db, uid, store.get(articleDocName(uid)), store.get(libraryDoc)));
  };

  /** This device's writer, as the documents record it beside its writes (writers): read once, when first needed. */
  let writer: Writer | undefined;
  const localWriter = (): Writer => {
    if (!writer) {
      const me = listMembers(db).find((m) => m.me);
      writer = { member: me?.uid ?? '', memberName: me?.name ?? '', device: deviceName.trim().slice(0, maxWriterText) };
    }
    return writer;
  };

  /**
   * A re-clean or re-import of an article whose newer text (another device's re-import) has not
   * arrived: its rows are of the text before, and writing them over the document would put the
   * other device's annotations back at their old places. Refused until it arrives.
   */
  const refuseWaitingText = (articleId: number) => {
    const uid = uidOfArticle(db, articleId);
    if (uid === undefined || heldVersion(db, uid) === currentVersion(store.get(libraryDoc), uid)) return;
    throw new LibraryError(
      'invalid-argument',
      'A newer text of this article, re-imported on another device, has not arrived here yet: sync, then try again. Nothing changed.',
      String(articleId),
    );
  };

  /** This device as the purges of others' deletes wait for it (sync/purge). */
  const thisDevice = () => {
    const { member, memberName, device } = localWriter();
    return { device: deviceId, member, memberName, name: device };
  };
  const purgeContext = (): PurgeContext => ({
    db,
    deviceId,
    library: store.get(libraryDoc),
    doc: (name) => known(store, name),
    rewrite: (name) => store.rewrite(name),
    now: nowIso,
  });

  /** Applies the edits of a list of changes to their documents; returns the documents touched. */
  const mirror = (changes: readonly RowChange[], cause: ChangeCause): string[] => {
    const edits = changesToDocs(db, changes, cause, deviceId, () => store.get(libraryDoc));
    for (const [name, list] of edits) {
      const doc = store.get(name);
      doc.transact(() => {
        // First, so every device has who wrote with this client before (or with) what it wrote.
        recordWriter(doc, localWriter());
        for (const edit of list) edit(doc);
      });
    }
    return [...edits.keys()];
  };

  /** Keeps a value of this device's that another device's write replaced, with who wrote the one that won. */
  const recordSuperseded = (doc: string, s: Superseded, recordedAt: string) => {
    preparedStatement(
      db,
      `INSERT INTO sync_superseded (doc, path, field, lost, kept, recorded_at, kept_member, kept_member_name, kept_device)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      doc,
      s.path,
      s.field,
      JSON.stringify(s.lost),
      JSON.stringify(s.kept),
      recordedAt,
      s.keptBy?.member ?? null,
      s.keptBy?.memberName ?? null,
      s.keptBy?.device ?? null,
    );
  };

  /**
   * The word data the library document's transactions changed, per loaded document (a document
   * loaded anew, after a rollback or a trim, is projected whole once: its watch starts at all).
   */
  const wordDataWatches = new WeakMap<Y.Doc, WordDataWatch>();
  const wordDataWatch = (library: Y.Doc): WordDataWatch => {
    let watch = wordDataWatches.get(library);
    if (!watch) wordDataWatches.set(library, (watch = watchWordData(library)));
    return watch;
  };

  /**
   * Rows from the named documents (the library's first: articles' assignments need its tags);
   * `whole`: every row of the word data, not only what the document changed (a rebuild).
   */
  const project = (names: Iterable<string>, whole = false, keepRows?: string) => {
    const wanted = new Set(names);
    const articles = new Set(wanted);
    if (wanted.has(libraryDoc)) {
      // Members may have changed (this person renamed on another of their devices).
      writer = undefined;
      const library = store.get(libraryDoc);
      const adopted = unknownLibraryRows(db, library);
      mirror(adopted, bookkeeping);
      // A tag written outside the journal: the articles using it hold rows no document knew either.
      for (const change of adopted) {
        if (change.table !== 'tag') continue;
        for (const uid of articlesUsingTag(db, Number(change.key.id))) articles.add(articleDocName(uid));
      }
      const { tagsChanged, articlesOfRemovedTags } = projectLibrary(db, library);
      // An override of ours another device's hides is recorded, as a value its write replaced.
      const changed = wordDataWatch(library).take();
      projectWordData(
        db,
        library,
        (hidden) => recordSuperseded(libraryDoc, hidden, nowIso()),
        whole ? 'all' : changed,
        (uid) => known(store, articleDocName(uid)),
      );
      const now = tagResolution(library);
      // A tag deleted, merged or new (or one whose assignments arrived before it) changes assignments elsewhere.
      if (tagsChanged || now !== resolution) {
        const more = waitingOnTags === undefined ? store.names() : [...waitingOnTags];
        for (const name of [...more, ...[...articlesOfRemovedTags].map(articleDocName)]) articles.add(name);
        if (waitingOnTags === undefined) waitingOnTags = new Set();
      }
      resolution = now;
    }
    for (const name of articles) {
      const uid = articleUidOf(name);
      if (uid === undefined) continue;
      const articleId = articleIdOfUid(db, uid);
      // `keepRows`: an article whose rows a version just taken re-anchored; any the document lacks are
      // annotations it held at places of the text before, not rows of this device's to adopt.
      if (articleId !== undefined && name !== keepRows)
        mirror(unknownArticleRows(db, articleId, store.get(name), store.get(libraryDoc)), bookkeeping);
      noteWaiting(name, projectArticle(db, uid, store.get(name), store.get(libraryDoc)));
    }
  };

  const noteWaiting = (name: string, outcome: ReturnType<typeof projectArticle>) => {
    if (outcome === 'waits on a tag') waitingOnTags?.add(name);
    else waitingOnTags?.delete(name);
  };

  /**
   * The article's rows as they are now, written into its document as if each had just been made
   * (only differing fields are written), and what the document holds live with no row now deleted.
   */
  const capture = (articleId: number, textsBefore: readonly string[] | undefined) => {
    const uid = uidOfArticle(db, articleId);
    if (uid === undefined) return;
    // A re-import from an edited file: the version its places are now in, for the other devices to take.
    const held = heldVersion(db, uid);
    const library = store.get(libraryDoc);
    if (held !== undefined && held !== currentVersion(library, uid)) {
      library.transact(() => {
        recordWriter(library, localWriter());
        setField(articleEntry(library, uid), versionKey, held);
      });
      // Its text goes out once this commits, as an import's does.
      texts.imported(articleId);
    }
    const name = articleDocName(uid);
    const doc = store.get(name);
    const textsAfter = paragraphTexts(db, articleId);
    // A new split (a re-import, or a re-clean by another cleaner): the paragraphs' notes, tags and kinds
    // stay at their places in the split before, and the map this re-clean carried them by says where
    // they are now, for every device (paragraphPlaces). Their rows are then the documents' again.
    const newSplit = textsBefore !== undefined && splitName(textsBefore) !== splitName(textsAfter);
    if (newSplit) {
      library.transact(() => {
        recordWriter(library, localWriter());
        doc.transact(() => {
          recordWriter(doc, localWriter());
          recordSplit(library, doc, uid, textsBefore, textsAfter, true);
        });
      });
    }
    mirrorArticleRows(articleId, uid, !newSplit);
    if (newSplit) {
      // Entries no row here shows (of a split this device could not place, before) are placed now, not taken for deleted.
      project([name], false, name);
      return;
    }
    const paragraphs = paragraphIdsByOrd(db, articleId);
    const places = placesOf(db, articleId, uid, library, doc, textsAfter);
    doc.transact(() => {
      markRowless(db, doc, library, articleId, paragraphs, places);
      markKindsAsRows(db, doc, articleId, places);
    });
  };

  /**
   * Another device's re-import reached this one: the version of the article's text the library
   * document names. Taken as a re-import here takes it (recleanArticle: paragraphs matched, every
   * highlight re-anchored or made an orphan, notes and tags carried to the paragraphs they match),
   * over the rows as this device had them. A highlight the document still holds at a place of the
   * text before (made here or on a third device before they knew of the new text; the re-importing
   * device placed all it knew) gets the place found here, orphans included; then the documents'
   * rows are projected over the text, as everywhere.
   */
  const adoptVersion = (articleId: number, hash: string, text: ArticleText) => {
    const uid = uidOfArticle(db, articleId);
    if (uid === undefined) return;
    const textsBefore = paragraphTexts(db, articleId);
    recleanArticle(db, articleId, { rawText: text.rawText, contentHash: hash, encoding: text.encoding });
    const name = articleDocName(uid);
    // Where this re-clean carried the paragraphs of the split held here: the same map as the
    // re-importing device's when both held one split (written again, no conflict), and the one that
    // places this device's own notes and tags of that split when it held another (paragraphPlaces).
    const doc = store.get(name);
    doc.transact(() => {
      recordWriter(doc, localWriter());
      recordSplit(store.get(libraryDoc), doc, uid, textsBefore, paragraphTexts(db, articleId), false);
    });
    const stale = stalePlaces(db, articleId, doc);
    if (stale.size > 0) {
      doc.transact(() => {
        recordWriter(doc, localWriter());
        for (const [entry, values] of stale)
          for (const [field, value] of Object.entries(values)) setField(entry, field, value);
      });
    }
    // Every word datum: a vocabulary word's paragraph is held by its position in the text.
    project([libraryDoc, name], true, name);
  };

  /**
   * capture's writing of the article's rows, without its deletions: a merge only adds.
   * `byParagraph` false: a new split's, whose notes, tags and kinds its map carries (paragraphPlaces).
   */
  const mirrorArticleRows = (articleId: number, uid: string, byParagraph = true) => {
    const of = `article_id = ${articleId}`;
    const inArticle = `IN (SELECT id FROM paragraph WHERE ${of})`;
    const highlightIds = `IN (SELECT id FROM highlight WHERE ${of})`;
    mirror(
      [
        // The tags of the article's assignments only (a library's thousands of tags are unchanged by a re-clean).
        ...rowsAsInserts(
          db,
          'tag',
          `WHERE id IN (SELECT tag_id FROM highlight_tag WHERE highlight_id ${highlightIds}
             UNION SELECT tag_id FROM paragraph_tag WHERE paragraph_id ${inArticle})`,
        ),
        ...rowsAsInserts(db, 'highlight', `WHERE ${of}`),
        ...rowsAsInserts(db, 'highlight_tag', `WHERE highlight_id ${highlightIds}`),
        ...(byParagraph ? rowsAsInserts(db, 'paragraph_tag', `WHERE paragraph_id ${inArticle}`) : []),
        ...(byParagraph ? rowsAsInserts(db, 'note', `WHERE paragraph_id ${inArticle}`) : []),
        ...rowsAsInserts(db, 'memo', `WHERE ${of}`),
        ...(byParagraph ? kindsAsInserts(db, articleId) : []),
        // Its vocabulary words: a re-clean may move their paragraphs (the document holds a word's by position).
        ...rowsAsInserts(db, 'vocabulary', `WHERE ${of}`),
      ],
      bookkeeping,
    );
    // Details the library document holds (given at import, or edited) follow the re-clean's; with
    // none there, the text gives them on every device.
    if (store.get(libraryDoc).share.has(`article/${uid}`)) {
      mirror(rowsAsInserts(db, 'article', `WHERE id = ${articleId}`), bookkeeping);
    }
  };

  const sink: ChangeSink = {
    record(changes, cause) {
      // The person renamed themselves: writes from now on carry the new name.
      if (changes.some((c) => c.table === 'library_member')) writer = undefined;
      const touched = mirror(changes, cause);
      // Tags merged, deleted or made again here: the rows follow at once (projectDocs' noteResolvedTags).
      if (changes.some((c) => c.table === 'tag')) {
        resolution = tagResolution(store.get(libraryDoc));
        noteResolvedTags(store.get(libraryDoc));
      }
      // An undo or redo wrote whole rows back: fields another device changed since are theirs again.
      // So does a change of term overrides: one the document held unshown (wordData) may read again.
      if (cause.replay && changes.some((c) => wordDataTables.has(c.table)))
        wordDataWatch(store.get(libraryDoc)).rowsWritten(changes);
      if (cause.replay || touchesOverrides(changes)) project(touched);
      // A tag this person merged or deleted: the unplaced tags on it follow the library document (unplacedEntries).
      const removedTags = changes.filter((c) => c.table === 'tag' && c.after === null).map((c) => Number(c.key.id));
      if (removedTags.length > 0) project(articlesWithUnplacedTags(db, removedTags).map(articleDocName));
    },
    committed: emitCommitted,
    rolledBack,
  };

  // A read-only open (the CLI's list, show, search) reads the documents and writes nothing.
  if (!db.readonly) {
    const seeded = Number(db.prepare('SELECT seeded FROM sync_state').pluck().get() ?? 0);
    if (seeded < seedLevel)
      inTransaction(() => {
        seedOnce(db, mirror, seeded, store.get(libraryDoc));
        // Level 4: what no paragraph here matches is listed (unplacedEntries), from the articles split anew.
        const split = articlesSplitAnew(store.get(libraryDoc)).map(articleDocName);
        if (seeded >= 1) project(split.filter((n) => store.has(n)));
      });
    setChangeSink(db, sink);
  }

  /** Documents are read again from the file; what waits on a tag is no longer known. */
  function rolledBack(): void {
    store.rolledBack();
    waitingOnTags = undefined;
  }

  function inTransaction<T>(work: () => T): T {
    if (transactionDepth > 0) return work();
    let result: T;
    transactionDepth += 1;
    try {
      result = db.transaction(work).immediate();
    } catch (error) {
      rolledBack();
      throw error;
    } finally {
      transactionDepth -= 1;
    }
    emitCommitted();
    return result;
  }

  const purgeAfterSync = createAfterSyncPurge({
    db,
    takeTaken: () => {
      const names = takenDocs;
      takenDocs = new Set();
      return names;
    },
    purge: (list) => inTransaction(() => purgeDeleted(purgeContext(), true, list)),
  });

  function apply(name: string, update: Uint8Array): void {
    if (texts.owns(name)) {
      texts.apply(
        name,
        update,
        (storeText) => inTransaction(() => projectNewArticle(storeText())),
        (articleId, hash, text) => inTransaction(() => adoptVersion(articleId, hash, text)),
      );
      return;
    }
    if (name !== libraryDoc && !articleUidOf(name)) {
      throw new LibraryError(
        'invalid-argument',
        `"${name}" is not a document of a Pizhu library; nothing changed.`,
        name,
      );
    }
    inTransaction(() => {
      const doc = store.get(name);
      const pendingBefore = pendingOf(doc);
      const purgesBefore = purgeCount(doc);
      let integrated = false;
      const lost: Superseded[] = [];
      const onTransaction = (transaction: Y.Transaction) => {
        if (transaction.origin === remoteOrigin) lost.push(...supersededBy(doc, transaction));
      };
      doc.on('afterTransaction', onTransaction);
      try {
        integrated = store.applyRemote(name, update);
      } catch (error) {
        throw new LibraryError(
          'invalid-argument',
          `An update for "${name}" could not be read (${error instanceof Error ? error.message : String(error)}); nothing changed.`,
          name,
        );
      } finally {
        doc.off('afterTransaction', onTransaction);
      }
      // Applying an update again integrates nothing and changes nothing.
      if (!integrated && samePending(pendingOf(doc), pendingBefore)) return;
      takenDocs.add(name);
      store.storeRemote(name, update);
      const now = nowIso();
      for (const s of lost) recordSuperseded(name, s, now);
      project([name]);
      // What this device has now seen, for the devices that may purge their deletes (sync/purge);
      // another device's purge taken: what it removed leaves this file too.
      afterTaking(name, doc, store.get(libraryDoc), thisDevice(), now);
      if (purgeCount(doc) !== purgesBefore) store.rewrite(name);
    });
  }

  return {
    deviceId,
    docNames: () => [...new Set([libraryDoc, ...store.names(), ...texts.names()])].sort(),
    stateVector: (name) =>
      texts.stateVector(name) ?? Y.encodeStateVector(known(store, name) ?? new Y.Doc({ guid: name })),
    diff: (name, stateVector) =>
      texts.diff(name, stateVector) ??
      Y.encodeStateAsUpdate(known(store, name) ?? new Y.Doc({ guid: name }), stateVector),
    apply,
    applyMany(entries) {
      try {
        // One transaction for all: a first sync's thousands of documents, not a commit each.
        inTransaction(() => {
          // The library document first: the tags the articles' assignments name, and the text versions their places are in.
          const ordered = [...entries].sort((x, y) => Number(y.name === libraryDoc) - Number(x.name === libraryDoc));
          for (const { name, update } of ordered) apply(name, update);
        });
        return [];
      } catch {
        // Rolled back whole: each taken alone, so a refused one is left out by name and no other is lost.
        const refused: RefusedUpdate[] = [];
        for (const { name, update } of entries) {
          try {
            apply(name, update);
          } catch (error) {
            refused.push({ name, error });
          }
        }
        return refused;
      }
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dump() {
      const out: Record<string, Json> = {};
      for (const name of store.names()) out[name] = documentState(name, store.get(name));
      return sorted(out);
    },
    projectionDump: () => projectionState(db),
    rebuildProjection() {
      inTransaction(() => project(store.names(), true));
    },
    superseded() {
      const rows = db
        .prepare(`SELECT ${supersededRowColumns} FROM sync_superseded ORDER BY id`)
        .all() as SupersededRow[];
      return rows.map((r) => ({
        doc: r.doc,
        path: r.path,
        field: r.field,
        lost: JSON.parse(r.lost) as unknown,
        kept: JSON.parse(r.kept) as unknown,
        keptBy:
          r.kept_member === null || r.kept_device === null
            ? null
            : { member: r.kept_member, memberName: r.kept_member_name ?? '', device: r.kept_device },
        recordedAt: r.recorded_at,
      }));
    },
    articleStored(articleId) {
      projectNewArticle(articleId);
      // Sent once the import has committed: its text is new to the other devices.
      texts.imported(articleId);
    },
    detailsGiven(articleId) {
      mirror(rowsAsInserts(db, 'article', `WHERE id = ${articleId}`), { op: 'import' });
    },
    captured(articleIds, write) {
      for (const articleId of articleIds) refuseWaitingText(articleId);
      return inTransaction(() => {
        // The paragraphs before: a re-clean that makes another split records where they went.
        const before = new Map(articleIds.map((id) => [id, paragraphTexts(db, id)]));
        const result = write();
        for (const articleId of articleIds) capture(articleId, before.get(articleId));
        return result;
      });
    },
    merged(write, touched) {
      return inTransaction(() => {
        // A stored article's annotations held from other devices are projected before the writer
        // adds its own (its document's entries with no row are theirs, not deletions), so a note
        // of the writer's on the same paragraph is joined to theirs rather than put over it later.
        // Only the article's document: the library document's projection would adopt the
        // writer's tags halfway through and project the articles using them from their documents.
        const result = write((articleId) => {
          const uid = uidOfArticle(db, articleId);
          const name = uid === undefined ? undefined : articleDocName(uid);
          if (uid === undefined || name === undefined || !store.has(name)) return;
          noteWaiting(name, projectArticle(db, uid, store.get(name), store.get(libraryDoc)));
        });
        const { stored, changed } = touched();
        // Its rows are of the text before the one the document's places are in: written over it they
        // would move the other device's annotations back (the whole merge is rolled back).
        for (const articleId of changed) refuseWaitingText(articleId);
        // The articles' rows first: adopting a new tag projects the articles using it from their
        // documents, which would put back a note as it was before the merge joined another to it.
        for (const articleId of [...changed, ...stored]) {
          const uid = uidOfArticle(db, articleId);
          if (uid !== undefined) mirrorArticleRows(articleId, uid);
        }
        mirror(unknownLibraryRows(db, store.get(libraryDoc)), bookkeeping);
        // A stored article's details and the words waiting for it, as for an import; then its text
        // goes out; its rows again, for the details the backup gave it: the library document may
        // hold its entry only now, and only differing fields are written.
        for (const articleId of stored) {
          projectNewArticle(articleId);
          texts.imported(articleId);
          const uid = uidOfArticle(db, articleId);
          if (uid !== undefined) mirrorArticleRows(articleId, uid);
        }
        return result;
      });
    },
    purge: () => inTransaction(() => purgeDeleted(purgeContext(), true)),
    purgeStatus: () => purgeDeleted(purgeContext(), false),
    purgeAfterSync,
    emptied(write) {
      return inTransaction(() => {
        const uids = db.prepare('SELECT uid FROM article WHERE trashed_at IS NOT NULL').pluck().all() as string[];
        const result = write();
        texts.purged(uids);
        return result;
      });
    },
    close() {
      setChangeSink(db, undefined);
      listeners.clear();
      store.rolledBack();
    },
  };
}

/** The computer's name, the default name of a device (the app gives its own); '' when the system has none to give. */
function hostName(): string {
  try {
    return os.hostname().trim();
  } catch {
    return '';
  }
}

function known(store: DocStore, name: string): Y.Doc | undefined {
  return store.has(name) ? store.get(name) : undefined;
}

/** What waits in a document for updates it has not had yet (from a transport that delivers out of order). */
function pendingOf(doc: Y.Doc): [Uint8Array | null, Uint8Array | null] {
  return [doc.store.pendingStructs?.update ?? null, doc.store.pendingDs];
}

/**
 * Compared by their bytes: Yjs merges a waiting delete with an adjacent one into as many bytes
 * ([0,3) and [3,5) become [0,5)), and an update taken for a duplicate is not stored.
 */
function samePending(now: ReturnType<typeof pendingOf>, before: ReturnType<typeof pendingOf>): boolean {
  return now.every((bytes, i) => {
    const was = before[i] ?? null;
    return bytes === was || (bytes !== null && was !== null && Buffer.compare(bytes, was) === 0);
  });
}

/** The tables projectWordData writes. */
const wordDataTables = new Set(['term_override', 'vocabulary', 'stop_word_list']);

/**
 * sync_state.seeded: 1 once the annotations are in the documents, 2 once the word data (term
 * overrides, vocabulary, stop words), the person's paragraph kinds and corrected regions are too
 * (replicated since): a library seeded at 1 gets only those written at its next open; 3 once the
 * library document names the text version of every article re-imported from an edited file; 4
 * once the notes and paragraph tags that lead to no paragraph here are listed (migration 0042).
 */
const seedLevel = 4;

/**
 * Once per library: the rows made before sync (migration 0026) written into the documents as
 * if each had just been made, so a library that had years of notes starts syncing with them.
 */
function seedOnce(
  db: Db,
  mirror: (changes: readonly RowChange[], cause: ChangeCause) => string[],
  from: number,
  library: Y.Doc,
): void {
  const annotations =
    from >= 1
      ? []
      : [
          ...rowsAsInserts(db, 'tag'),
          ...rowsAsInserts(db, 'tag_description'),
          // Only details a person set: imported ones are the same on every device that imports the text.
          ...rowsAsInserts(
            db,
            'article',
            "WHERE metadata_edits <> '{}' OR trashed_at IS NOT NULL OR archived_at IS NOT NULL OR region_corrected IS NOT NULL",
          ),
          ...rowsAsInserts(db, 'highlight'),
          ...rowsAsInserts(db, 'highlight_tag'),
          ...rowsAsInserts(db, 'paragraph_tag'),
          ...rowsAsInserts(db, 'note'),
          ...rowsAsInserts(db, 'memo'),
          ...rowsAsInserts(db, 'attribute'),
          ...rowsAsInserts(db, 'article_attribute'),
        ];
  mirror(
    from >= 2
      ? []
      : [
          ...annotations,
          ...(from === 1 ? rowsAsInserts(db, 'article', 'WHERE region_corrected IS NOT NULL') : []),
          ...wordDataAsInserts(db),
          ...kindsAsInserts(db),
        ],
    bookkeeping,
  );
  // Articles re-imported before text versions replicated: their documents' places are in this text.
  const versions = db.prepare('SELECT uid, content_hash FROM article WHERE uid <> content_hash').all() as Array<{
    uid: string;
    content_hash: string;
  }>;
  if (versions.length > 0) {
    library.transact(() => {
      for (const v of versions) setField(articleEntry(library, v.uid), versionKey, v.content_hash);
    });
  }
  db.prepare(`UPDATE sync_state SET seeded = ${seedLevel}`).run();
}
