import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import type { Db } from '../store/openDatabase';
import { fingerprintOf, type Fingerprint, type FingerprintParagraph } from './fingerprint';
import { findSameText, saveFingerprint, type KnownArticle } from './fingerprintStore';

/** What an import learns about a file's text before storing it. */
export interface DuplicateCheck {
  fingerprint: Fingerprint;
  /** The article that already holds the same folded text, if one does. */
  sameText: KnownArticle | undefined;
}

export function checkForDuplicate(
  db: Db,
  paragraphs: readonly FingerprintParagraph[],
  made?: Fingerprint,
): DuplicateCheck {
  const fingerprint = made ?? fingerprintOf(paragraphs);
  return { fingerprint, sameText: findSameText(db, fingerprint.textHash) };
}

/** The report of a file not imported because its text is already there (the default choice). */
export function skippedDuplicate(fileName: string, same: KnownArticle): ImportOutcome {
  const where = same.trashed ? 'in the trash' : 'in the library';
  return {
    fileName,
    status: 'duplicate',
    articleId: same.id,
    title: same.title,
    duplicateOf: { articleId: same.id, title: same.title, similarity: 1, sameText: true, inTrash: same.trashed },
    message: `"${fileName}" has the same text as "${same.title}", ${where} already; not imported.`,
  };
}

/**
 * Stores the new article's fingerprint (inside the caller's transaction) and names the copy with
 * the same text it was kept beside. Reposts are not looked for here: on a library of reposts a
 * lookup per file halved the import's speed; `listDuplicates` finds them all at once.
 */
export function linkNewArticle(db: Db, articleId: number, check: DuplicateCheck): Pick<ImportOutcome, 'duplicateOf'> {
  saveFingerprint(db, articleId, check.fingerprint);
  const same = check.sameText;
  return same
    ? { duplicateOf: { articleId: same.id, title: same.title, similarity: 1, sameText: true, inTrash: same.trashed } }
    : {};
}
