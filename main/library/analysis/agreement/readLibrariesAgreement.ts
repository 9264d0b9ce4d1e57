import { foldToSimplified } from '../../../../preload/common/foldScript';
import { foldTagCase } from '../../annotations/tagNames';
import { LibraryError } from '../../libraryError';
import type { Db } from '../../store/openDatabase';
import type { AgreementArticle, AgreementId, AgreementInput, AgreementLevel, HighlightCoding, ParagraphCoding } from './agreementTypes';
import { readAgreementInput } from './readAgreementInput';

/** One coder's copy of a corpus: a library file coded by one person. */
export interface CoderLibrary {
  coder: string;
  db: Db;
}

export interface LibrariesSelection {
  level: AgreementLevel;
  /** Articles of the first library, in the order their passages are listed. */
  articleIds: readonly number[];
  /** The codes compared, by tag name; absent: every tag any library used in these articles, by name. */
  tagNames?: readonly string[];
}

export interface LibrariesAgreementInput {
  /** Articles by the first library's ids; codes by tag name (as the first library that has it spells it). */
  input: AgreementInput;
  /** Each chosen article's paragraph ids in the first library, in order. */
  paragraphIds: Map<number, number[]>;
}

/**
 * Agreement input over several libraries, one coder each: copies of one corpus coded apart (the
 * way a team works before it shares a library through sync). An article chosen in the first
 * library is found in another by its content hash, which the same text has wherever it was
 * imported; a library without it, or with it in the trash, has no data for it (missing, not
 * "not coded"). Each copy must hold the article's paragraphs with the same text, or offsets in
 * one do not point at the same characters in another: an article cleaned differently is refused,
 * naming the copy. Codes are matched by tag name as a library matches its own tags: in any
 * letter case and either script (技術 is 技术).
 */
export function readLibrariesAgreement(libraries: readonly CoderLibrary[], selection: LibrariesSelection): LibrariesAgreementInput {
  const [first, ...others] = libraries;
  if (!first) throw new LibraryError('invalid-argument', 'Agreement needs at least one library to read.');
  const mine = readAgreementInput(first.db, { level: selection.level, articleIds: selection.articleIds, coders: [first.coder], coderOf: () => first.coder });
  const chosen = mine.input.articles.map((a) => a.id as number);
  const hashOf = first.db.prepare('SELECT content_hash AS hash, title FROM article WHERE id = ?');
  const chosenHashes = chosen.map((id) => hashOf.get(id) as { hash: string; title: string });
  const myTexts = paragraphTexts(first.db);

  // One code in every library: the names a library itself takes as one tag (any case, either script),
  // reported as the first library that has it spells it.
  const codeKey = (name: string) => foldTagCase(foldToSimplified(name));
  const codeNames = new Map<string, string>();
  /** A library's codings renamed from its tag ids to the codes' names. */
  const namedBy = (tagNames: Map<number, string>) => {
    const named = new Map<AgreementId, string>();
    for (const [id, name] of tagNames) {
      const key = codeKey(name);
      if (!codeNames.has(key)) codeNames.set(key, name);
      named.set(id, codeNames.get(key)!);
    }
    return <C extends { code: AgreementId }>(coding: C): C => ({ ...coding, code: named.get(coding.code)! });
  };
  const mineNamed = namedBy(mine.tagNames);

  const codersOf = new Map<number, string[]>(chosen.map((id) => [id, [first.coder]]));
  const highlights: HighlightCoding[] = mine.input.highlights.map(mineNamed);
  const paragraphCodes: ParagraphCoding[] = mine.input.paragraphCodes.map(mineNamed);

  for (const other of others) {
    const findArticle = other.db.prepare('SELECT id FROM article WHERE content_hash = ? AND trashed_at IS NULL');
    const theirTexts = paragraphTexts(other.db);
    const theirs = new Map<number, number>(); // their article id -> the first library's
    chosen.forEach((id, i) => {
      const found = findArticle.get(chosenHashes[i]!.hash) as { id: number } | undefined;
      if (!found) return;
      if (!sameTexts(myTexts(id), theirTexts(found.id))) {
        throw new LibraryError(
          'invalid-argument',
          `"${chosenHashes[i]!.title}" is split into paragraphs differently in ${other.coder}'s library, so its highlights cannot be compared; clean both copies with the same version of Pizhu.`,
          String(id),
        );
      }
      theirs.set(found.id, id);
      codersOf.get(id)!.push(other.coder);
    });
    const read = readAgreementInput(other.db, { level: selection.level, articleIds: [...theirs.keys()], coders: [other.coder], coderOf: () => other.coder });
    const theirNamed = namedBy(read.tagNames);
    for (const h of read.input.highlights) highlights.push({ ...theirNamed(h), article: theirs.get(h.article as number)! });
    for (const p of read.input.paragraphCodes) paragraphCodes.push({ ...theirNamed(p), article: theirs.get(p.article as number)! });
  }

  let codes: string[];
  if (selection.tagNames === undefined) codes = [...codeNames.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  else {
    // A name asked for twice is one code; one no library has is reported as asked (the last spelling).
    const asked = new Map(selection.tagNames.map((n) => [codeKey(n.trim()), n.trim()]));
    codes = [...asked].map(([key, name]) => codeNames.get(key) ?? name);
  }
  const articles: AgreementArticle[] = mine.input.articles.map((a) => ({ id: a.id, paragraphLengths: a.paragraphLengths, coders: codersOf.get(a.id as number)! }));
  return {
    input: { level: selection.level, articles, coders: libraries.map((l) => l.coder), codes, highlights, paragraphCodes },
    paragraphIds: mine.paragraphIds,
  };
}

/** An article's paragraph texts in order, from one library. */
function paragraphTexts(db: Db): (articleId: number) => string[] {
  const rows = db.prepare('SELECT text FROM paragraph WHERE article_id = ? ORDER BY ord').pluck();
  return (articleId) => rows.all(articleId) as string[];
}

function sameTexts(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((text, i) => text === right[i]);
}
