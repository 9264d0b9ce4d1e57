import type { Database } from 'better-sqlite3';
import { bandBuckets, signatureLength } from './minHash';

/**
 * The LSH index's rows of a fingerprint, from its stored signature (issue #16, migration 0037).
 * article_band is looked up by (band, bucket); its index by article, kept only so a deleted
 * fingerprint's rows could be found, was 3 MB of the 10,000-article bench library. The rows are
 * derived from the signature, so a fingerprint's delete trigger finds them by their key instead:
 * `pizhu_band_buckets(signature)` is a JSON array, a band's bucket at its band's index.
 */
export const bandBucketsFunction = 'pizhu_band_buckets';

/**
 * The buckets of a stored signature (32-bit little-endian words), as the JSON array the delete
 * trigger reads; null for a blob of another size. The trigger finds the rows saveFingerprint wrote
 * only while both compute buckets alike: a change to minHash's banding must rebuild article_band.
 */
export function storedBandBuckets(signature: unknown): string | null {
  if (!Buffer.isBuffer(signature) || signature.byteLength !== signatureLength * 4) return null;
  const words = new Uint32Array(signatureLength);
  for (let i = 0; i < signatureLength; i++) words[i] = signature.readUInt32LE(i * 4);
  return JSON.stringify(bandBuckets(words));
}

/** Registers it on a connection (registerChecksumFunction does: every connection that may write a paragraph drops fingerprints). */
export function registerBandBucketsFunction(db: Database): void {
  db.function(bandBucketsFunction, { deterministic: true }, storedBandBuckets);
}
