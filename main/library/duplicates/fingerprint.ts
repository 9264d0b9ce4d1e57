import { hash } from 'node:crypto';
import type { ParagraphKind } from '../../../preload/contract/articleTypes';
import { appendFoldedUnits, foldedUnits, UnitList } from './foldedUnits';
import { distinctCount, minHashSignature, shingleHashes, shingleSet } from './minHash';

/** What duplicates are found by: one article's text, folded. */
export interface Fingerprint {
  /**
   * SHA-256 of every paragraph's raw text, folded: equal for the same text in any encoding,
   * script, spacing or punctuation, whatever the cleaner then hid in either copy.
   */
  textHash: string;
  /** Distinct shingles of the reading text: a text with few of them is too short to call a repost of anything. */
  shingleCount: number;
  /** MinHash of the reading text's shingles: hidden lines (an outlet's chrome) are left out. */
  signature: Uint32Array;
}

/** A paragraph as the fingerprint reads it. */
export interface FingerprintParagraph {
  kind: ParagraphKind;
  text: string;
  raw: string;
}

/** The paragraphs a person reads: hidden ones (boilerplate) differ between outlets and copies. */
export function readingTexts(paragraphs: Iterable<FingerprintParagraph>): string[] {
  const texts: string[] = [];
  for (const p of paragraphs) if (p.kind !== 'boilerplate') texts.push(p.text);
  return texts;
}

export function fingerprintOf(paragraphs: readonly FingerprintParagraph[]): Fingerprint {
  const all = new UnitList();
  const reading = new UnitList();
  for (const p of paragraphs) {
    const start = all.length;
    appendFoldedUnits(p.raw, all);
    if (p.kind === 'boilerplate') continue;
    // Folded once where nothing was cut from the paragraph (most are whole).
    if (p.text === p.raw) reading.append(all, start, all.length);
    else appendFoldedUnits(p.text, reading);
  }
  // A MinHash is the same over a shingle repeated, so no Set is built: the import makes one per article.
  const shingles = shingleHashes(reading.view());
  const units = all.view();
  return {
    textHash: hash('sha256', new Uint8Array(units.buffer, units.byteOffset, units.byteLength), 'hex'),
    shingleCount: distinctCount(shingles),
    signature: minHashSignature(shingles),
  };
}

/** The reading text's shingle set, for the exact similarity of a pair the signatures proposed. */
export function shinglesOf(paragraphs: Iterable<FingerprintParagraph>): Set<number> {
  return shingleSet(foldedUnits(readingTexts(paragraphs)));
}
