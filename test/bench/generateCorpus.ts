import fs from 'node:fs';
import path from 'node:path';
import { createConverter } from '../../preload/common/createConverter';

/** A small, fast, seeded PRNG (mulberry32): the same library on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle {
  fileName: string;
  bytes: Buffer;
}

/**
 * Articles recombined from the seeds' body paragraphs: a title line, then 9-20 paragraphs,
 * every other article in traditional script, each with a unique first line so no two hash alike.
 */
export function generateArticles(seedsDir: string, count: number, seed = 20261123): GeneratedArticle[] {
  return [...eachGeneratedArticle(seedsDir, count, seed)];
}

/**
 * The same articles one at a time, so 100,000 of them (~500 MB) can be written to a folder
 * without all being held in memory at once.
 */
export function* eachGeneratedArticle(seedsDir: string, count: number, seed = 20261123): Generator<GeneratedArticle> {
  const lines = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 40);
  const toTraditional = createConverter('simplified', 't');
  const traditional = lines.map((l) => toTraditional.convert(l).text);
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const digits = Math.max(5, String(count - 1).length);
  for (let i = 0; i < count; i++) {
    const pool = i % 2 === 0 ? lines : traditional;
    // 9-20 paragraphs: about 5 KB an article, ~50 MB for 10,000 as DESIGN §7 sets.
    const body = Array.from({ length: 9 + Math.floor(random() * 12) }, () => pick(pool));
    const title = `${pick(pool).slice(0, 18)} 之${i}`;
    const text = [title, '', `第${i}號 ${new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)}`, '', ...body.flatMap((p) => [p, ''])].join('\n');
    yield { fileName: `bench-${String(i).padStart(digits, '0')}.txt`, bytes: Buffer.from(text, 'utf8') };
  }
}
