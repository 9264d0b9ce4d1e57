import type { DuplicateGroup, DuplicatePair, SimilarArticle } from '../../../preload/contract/duplicateTypes';
import type { Db } from '../store/openDatabase';
import { fingerprintOf, shinglesOf, type Fingerprint } from './fingerprint';
import {
  candidateArticles,
  fillMissingFingerprints,
  readAllFingerprints,
  readFingerprint,
  readingParagraphs,
  type StoredFingerprint,
} from './fingerprintStore';
import { bandBuckets, estimatedSimilarity, jaccard } from './minHash';

/**
 * A repost shares at least half its shingles with the original: an added paragraph, a cut one
 * and a changed sentence in a story of ten paragraphs leave some 0.7; unrelated articles of the
 * development corpus share at most a few hundredths.
 */
export const repostSimilarity = 0.5;
/** Signatures are an estimate (60 positions, ± about 0.065 at 0.5): pairs near the line are measured exactly. */
const candidateEstimate = 0.3;
/**
 * Bounds on the work for one article, at import and when asked: the candidates sharing the most
 * bands are compared by signature, and the likeliest of them measured exactly. A story reposted
 * a thousand times must not cost a thousand reads per import.
 */
const maxCandidates = 20;
const maxMeasured = 3;
/** Fewer distinct shingles than this (a headline, a caption) is too little text to call anything a repost. */
export const minRepostShingles = 20;

/** Shingle sets kept while measuring: enough for a large group, bounded for a library of 100,000. */
const keptShingleSets = 2000;

/** Measures candidate pairs exactly, reading an article's shingles once while it is kept. */
function exactSimilarity(db: Db) {
  const shingles = new Map<number, Set<number>>();
  const of = (id: number) => {
    let s = shingles.get(id);
    if (!s) {
      if (shingles.size >= keptShingleSets) shingles.clear();
      shingles.set(id, (s = shinglesOf(readingParagraphs(db, id))));
    }
    return s;
  };
  return (a: number, b: number) => jaccard(of(a), of(b));
}

/**
 * Every group of duplicates and reposts among the articles not in the trash. Articles with the
 * same folded text are one group at similarity 1; the rest are bucketed by signature band (the
 * LSH index, built from the stored signatures) and only pairs that share a bucket are compared.
 */
export function listDuplicateGroups(db: Db, writable: boolean): DuplicateGroup[] {
  const filled = fillMissingFingerprints(db, writable);
  const fingerprints = writable ? readAllFingerprints(db) : [...readAllFingerprints(db), ...filled];
  const pairs: DuplicatePair[] = [];

  // Same text: linked to the first copy; only that copy takes part in the band buckets.
  const firstWithText = new Map<string, StoredFingerprint>();
  const representatives: StoredFingerprint[] = [];
  for (const fp of fingerprints.sort((x, y) => x.articleId - y.articleId)) {
    const first = firstWithText.get(fp.textHash);
    if (first) pairs.push({ a: first.articleId, b: fp.articleId, similarity: 1, sameText: true });
    else {
      firstWithText.set(fp.textHash, fp);
      if (fp.shingleCount >= minRepostShingles) representatives.push(fp);
    }
  }

  const buckets = new Map<string, StoredFingerprint[]>();
  for (const fp of representatives) {
    bandBuckets(fp.signature).forEach((bucket, band) => {
      const key = `${band}:${bucket}`;
      const members = buckets.get(key);
      if (members) members.push(fp);
      else buckets.set(key, [fp]);
    });
  }
  const measure = exactSimilarity(db);
  // A pair once, however many bands it shares: keyed as one number (article ids stay far below 2^26).
  const seen = new Set<number>();
  for (const members of buckets.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = members[i]!;
        const y = members[j]!;
        const key = x.articleId * 0x4000000 + y.articleId;
        if (seen.has(key)) continue;
        seen.add(key);
        if (estimatedSimilarity(x.signature, y.signature) < candidateEstimate) continue;
        const similarity = measure(x.articleId, y.articleId);
        if (similarity >= repostSimilarity) pairs.push({ a: x.articleId, b: y.articleId, similarity, sameText: false });
      }
    }
  }
  return groupPairs(db, pairs);
}

/** Pairs to groups (union-find), each group's articles oldest first and pairs most alike first. */
function groupPairs(db: Db, pairs: DuplicatePair[]): DuplicateGroup[] {
  const parent = new Map<number, number>();
  const root = (id: number): number => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const { a, b } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, { ids: Set<number>; pairs: DuplicatePair[] }>();
  for (const pair of pairs) {
    const r = root(pair.a);
    let group = groups.get(r);
    if (!group) groups.set(r, (group = { ids: new Set(), pairs: [] }));
    group.ids.add(pair.a).add(pair.b);
    group.pairs.push(pair);
  }
  const describe = db.prepare('SELECT id, title, source, published_at FROM article WHERE id = ?');
  return [...groups.entries()]
    .sort(([x], [y]) => x - y)
    .map(([, group]) => ({
      articles: [...group.ids]
        .sort((x, y) => x - y)
        .map((id) => {
          const row = describe.get(id) as {
            id: number;
            title: string;
            source: string | null;
            published_at: string | null;
          };
          return { articleId: row.id, title: row.title, source: row.source, publishedAt: row.published_at };
        }),
      pairs: group.pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b),
    }));
}

/**
 * The articles an article duplicates or reposts, most alike first: the same folded text, and
 * reposts among the articles that share one of its band buckets (the stored LSH index).
 */
export function similarArticles(
  db: Db,
  articleId: number,
  fingerprint: Fingerprint,
  /** Its shingles, asked for only when a candidate needs measuring. */
  shingles: () => ReadonlySet<number>,
): SimilarArticle[] {
  const describe = db.prepare('SELECT title, trashed_at IS NOT NULL AS trashed FROM article WHERE id = ?');
  const found: SimilarArticle[] = [];
  const add = (id: number, similarity: number, sameText: boolean) => {
    const row = describe.get(id) as { title: string; trashed: number } | undefined;
    if (row) found.push({ articleId: id, title: row.title, similarity, sameText, inTrash: row.trashed === 1 });
  };
  const same = db
    .prepare(
      'SELECT article_id FROM article_fingerprint WHERE text_hash = ? AND article_id <> ? ORDER BY article_id LIMIT ?',
    )
    .pluck()
    .all(fingerprint.textHash, articleId, maxMeasured) as number[];
  for (const id of same) add(id, 1, true);
  if (fingerprint.shingleCount >= minRepostShingles) {
    const candidates: { id: number; estimate: number }[] = [];
    for (const id of candidateArticles(db, bandBuckets(fingerprint.signature), articleId, maxCandidates)) {
      const other = readFingerprint(db, id);
      if (!other || other.textHash === fingerprint.textHash || other.shingleCount < minRepostShingles) continue;
      const estimate = estimatedSimilarity(fingerprint.signature, other.signature);
      if (estimate >= candidateEstimate) candidates.push({ id, estimate });
    }
    candidates.sort((x, y) => y.estimate - x.estimate || x.id - y.id);
    for (const { id } of candidates.slice(0, maxMeasured)) {
      const similarity = jaccard(shingles(), shinglesOf(readingParagraphs(db, id)));
      if (similarity >= repostSimilarity) add(id, similarity, false);
    }
  }
  return found.sort((x, y) => y.similarity - x.similarity || x.articleId - y.articleId);
}

/**
 * An article's duplicates and reposts in the library (not in the trash), most alike first: what
 * the reader offers to open side by side. Articles without a fingerprint get one first (stored
 * when the library is writable; a read-only open compares with the fingerprinted ones only).
 */
export function duplicatesOfArticle(db: Db, articleId: number, writable: boolean): SimilarArticle[] {
  fillMissingFingerprints(db, writable);
  const paragraphs = readingParagraphs(db, articleId);
  const stored = readFingerprint(db, articleId);
  const fingerprint = stored ?? fingerprintOf(paragraphs);
  let shingles: Set<number> | undefined;
  return similarArticles(db, articleId, fingerprint, () => (shingles ??= shinglesOf(paragraphs))).filter(
    (s) => !s.inTrash,
  );
}
