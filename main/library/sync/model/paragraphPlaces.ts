import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import { carriedParagraphs } from '../../reclean/recleanArticle';
import { matchParagraphs } from '../../reclean/matchParagraphs';
import { articleEntry, setField } from './docShape';

/**
 * Where a paragraph's data sits in an article document (its note, its tags, the kind the person
 * set): a paragraph position in one split of the article's text, the paragraphs a cleaner made of
 * one text version. A re-import (a new text) or a re-clean by another cleaner makes another
 * split, and a position in one split is not the same paragraph in the next; so each entry's key
 * names its split, and entries are never moved: the device that makes a new split records, once
 * per split, where each of the old split's paragraphs goes (`carried`, the map a local re-clean
 * carries notes and tags by: reclean/carriedParagraphs). Every device that makes that split from
 * that split writes the same map, so writing it twice is no conflict; entries of any split are
 * then placed on any device whose split the maps lead to, an old device's offline note included.
 *
 * The library document's article details name the split the article's places are in now
 * (`split`) and the split that keys naming none are in (`ords`: the one before the first new split
 * since sync model 4; until then every device held the same split of the text the document names).
 * A key is `<position>` in that split and `<position>@<split>` in any other.
 */
export const splitKey = 'split';
export const ordsKey = 'ords';

/** An article document's maps: a split's name -> JSON {to, ords, same} (same: '1' where the old paragraph's text is kept). */
export const carriedMaps = (doc: Y.Doc) => doc.getMap<unknown>('carried');

interface Carry {
  to: string;
  ords: Array<number | null>;
  same: string;
}

/** A split's name: its paragraphs' texts, hashed (two devices with one cleaner name a text's split alike). */
export function splitName(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/** The texts of an article's paragraphs, in order. */
export function paragraphTexts(db: Db, articleId: number): string[] {
  return preparedStatement(db, 'SELECT text FROM paragraph WHERE article_id = ? ORDER BY ord')
    .pluck(true)
    .all(articleId) as string[];
}

const namedSplit = (library: Y.Doc, uid: string): string | undefined => {
  if (!library.share.has(`article/${uid}`)) return undefined;
  const split = articleEntry(library, uid).get(splitKey);
  return typeof split === 'string' ? split : undefined;
};

/** Whether the library document names a split for the article (else every key is in the split each device holds). */
export const namesSplit = (library: Y.Doc, uid: string): boolean => namedSplit(library, uid) !== undefined;

/** Where an entry's key leads on this device: its position here, how many new splits it was carried through, and whether by text. */
export interface Placed {
  ord: number;
  hops: number;
  /** Carried to a paragraph of another text (the most similar), not to the same text. */
  moved: boolean;
  /** Its position in the split it names. */
  from: number;
}

export interface Places {
  /** This device's split of the article ('' when the library names none). */
  held: string;
  /** The key of a paragraph position here. */
  keyOf(ord: number): string;
  /** Where a key (`<position>` or `<position>@<split>`) leads here; undefined when it leads to another split or nowhere. */
  place(key: string): Placed | undefined;
}

/** The article's places on this device: its split and the maps in its document. */
export function placesOf(
  db: Db,
  articleId: number,
  uid: string,
  library: Y.Doc,
  doc: Y.Doc | undefined,
  texts?: readonly string[],
): Places {
  const named = namedSplit(library, uid);
  const held = named === undefined ? '' : splitName(texts ?? paragraphTexts(db, articleId));
  const ords = named === undefined ? undefined : articleEntry(library, uid).get(ordsKey);
  const base = typeof ords === 'string' ? ords : '';
  const maps = doc ? carriedMaps(doc) : undefined;
  const carryOf = (split: string): Carry | undefined => {
    const raw = maps?.get(split);
    if (typeof raw !== 'string') return undefined;
    try {
      const carry = JSON.parse(raw) as Carry;
      return typeof carry.to === 'string' && Array.isArray(carry.ords) ? carry : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    held,
    keyOf: (ord) => (held === base ? String(ord) : `${ord}@${held}`),
    place(key) {
      const found = /^(\d+)(?:@([0-9a-f]{16}))?$/.exec(key);
      if (!found) return undefined;
      const from = Number(found[1]);
      let split = found[2] ?? base;
      let ord: number | null | undefined = from;
      let hops = 0;
      let moved = false;
      const seen = new Set<string>();
      // A text re-imported back to an earlier one leads back to its split: a cycle is cut there.
      while (split !== held) {
        const carry = carryOf(split);
        if (!carry || seen.has(split) || ord === null || ord === undefined) return undefined;
        seen.add(split);
        if (carry.same[ord] !== '1') moved = true;
        ord = carry.ords[ord];
        split = carry.to;
        hops++;
      }
      return typeof ord === 'number' ? { ord, hops, moved, from } : undefined;
    },
  };
}

/**
 * A device made a new split of an article from the one it held: the library document names it,
 * and the article document records where each old paragraph goes. `name`: the device that made
 * it by a re-clean or re-import of its own names it; one taking another device's text only maps.
 */
export function recordSplit(
  library: Y.Doc,
  doc: Y.Doc,
  uid: string,
  oldTexts: readonly string[],
  newTexts: readonly string[],
  name: boolean,
): void {
  const from = splitName(oldTexts);
  const to = splitName(newTexts);
  if (from === to) return;
  if (name) {
    const entry = articleEntry(library, uid);
    // Keys naming no split were written in the split held before the first one named.
    if (typeof entry.get(splitKey) !== 'string' && typeof entry.get(ordsKey) !== 'string') setField(entry, ordsKey, from);
    setField(entry, splitKey, to);
  }
  const same = matchParagraphs(oldTexts, newTexts)
    .map((m) => (m === null ? '0' : '1'))
    .join('');
  setField(carriedMaps(doc), from, JSON.stringify({ to, ords: carriedParagraphs(oldTexts, newTexts), same }));
}
