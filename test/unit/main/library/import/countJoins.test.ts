import { describe, expect, it } from 'vitest';
import { countJoins } from '../../../../../main/library/import/countJoins';
import { seededRandom } from './noisyText';

/** Occurrences of a two-character pair, overlapping ones included, counted the plain way. */
function naiveCount(texts: readonly string[], pair: string): number {
  const joined = texts.join('\n');
  let n = 0;
  for (let i = 0; i + 1 < joined.length; i++) if (joined[i] === pair[0] && joined[i + 1] === pair[1]) n++;
  return n;
}

const texts = ['晋江市公安局守护平安晋江,晋江经验', '平安是福,守护平安', '晋晋晋江'];

describe('countJoins', () => {
  it('counts the joins of title characters with their neighbours', () => {
    const joins = countJoins(texts, '守护平安晋江');
    expect(joins.count('晋江')).toBe(4);
    expect(joins.count('江市')).toBe(1);
    expect(joins.count('晋晋')).toBe(2); // overlapping
    expect(joins.count('江经')).toBe(1);
    expect(joins.count('江晋')).toBe(0);
  });

  it('counts any other pair when asked, however many are asked', () => {
    const random = seededRandom(7);
    const alphabet = [...'的一是了我不人在公安局市经验福,。'];
    const article = Array.from({ length: 20 }, () =>
      Array.from({ length: 200 }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join(''),
    );
    const joins = countJoins(article, '晋江');
    // More pairs than are searched for one by one: the later ones come from the index of all pairs.
    for (const a of alphabet.slice(0, 10)) {
      for (const b of alphabet.slice(0, 10)) expect(joins.count(a + b)).toBe(naiveCount(article, a + b));
    }
  });
});
