import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { fingerprintOf } from '../../../../../main/library/duplicates/fingerprint';
import {
  readFingerprint,
  readingParagraphs,
  saveFingerprint,
  withDeferredBands,
} from '../../../../../main/library/duplicates/fingerprintStore';
import { bandBuckets } from '../../../../../main/library/duplicates/minHash';

let dir: string;
let library: Library;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-deferred-bands-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// An import batch holds its band rows back to its end: an article whose savepoint was rolled back
// in the batch keeps the band rows it had, and the others get those of the signature they hold.
it('a batch with one article rolled back: that article keeps its bands, the other gets its new ones', () => {
  const a = library.importText('第一篇文章的标题\n\n派出所的民警在晋江处理了一件邻里纠纷,双方各退一步。').articleId!;
  const b = library.importText('第二篇文章的标题\n\n公安局发布通告,提醒市民注意防范电信诈骗,不要轻信陌生来电。').articleId!;
  const db = library.database();
  const bandsOf = db.prepare('SELECT band, bucket FROM article_band WHERE article_id = ? ORDER BY band').raw();
  const bBefore = bandsOf.all(b);
  expect(bBefore).toHaveLength(20);
  const swapped = fingerprintOf(readingParagraphs(db, b));

  db.transaction(() =>
    withDeferredBands(db, () => {
      saveFingerprint(db, a, swapped);
      expect(() =>
        db.transaction(() => {
          saveFingerprint(db, b, fingerprintOf(readingParagraphs(db, a)));
          throw new Error('this article fails');
        })(),
      ).toThrow('this article fails');
    }),
  ).immediate();

  expect(bandsOf.all(a)).toEqual(bandBuckets(swapped.signature).map((bucket, band) => [band, bucket]));
  expect(bandsOf.all(b)).toEqual(bBefore);
  expect(readFingerprint(db, b)!.signature).toEqual(swapped.signature);
  expect(db.prepare('SELECT count(*) FROM article_band').pluck().get()).toBe(40);
});
