import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/**
 * Issue #19 item 3: `pizhu agreement --coders` between two members of one shared library. Lin and
 * Wang each code on their own computer; sync brings both into Lin's library, each coding its
 * giver's. One article, paragraphs [0] 甲 (1) · [1] 住房政策的调整。(8) · [2] 民生问题。(5): N = 14.
 * Lin:  [1] [0,4) 住房政策 政策
 * Wang: [1] [2,4) 政策 政策 · [2] [0,2) 民生 民生
 *
 * Character level:
 *   政策: both 2, L only 2, neither 10. p_o = 12/14 = 85.7%; Lin 4, Wang 2:
 *         p_e = (4·2 + 10·12)/196 = 128/196; κ = (168 − 128)/(196 − 128) = 40/68 = 0.588
 *         α: n = 28, o11 = 4, o00 = 20, o01 = 2, n1 = 6, n0 = 22: 1 − 27·2/(22·6) = 78/132 = 0.591
 *   民生: W only 2, neither 12. p_o = 12/14 = 85.7%; p_e = (0·2 + 14·12)/196 = 168/196: κ = 0/28 = 0.000
 *         α: n = 28, o00 = 24, o01 = 2, n1 = 2, n0 = 26: 1 − 27·2/(26·2) = −2/52 = −0.038
 *   all codes (28 units): both 2, L only 2, W only 2, neither 22. p_o = 24/28 = 85.7%; Lin 4, Wang 4:
 *         p_e = (4·4 + 24·24)/784 = 592/784; κ = (672 − 592)/(784 − 592) = 80/192 = 0.417
 *         α: n = 56, o11 = 4, o00 = 44, o01 = 4, n1 = 8, n0 = 48: 1 − 55·4/(48·8) = 164/384 = 0.427
 */
const temp = tempLibraryEachTest('pizhu-agreement-coders-');

async function sharedLibrary(): Promise<string> {
  const corpus = path.join(temp.dir, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a.txt'), '甲\n\n住房政策的调整。\n\n民生问题。');
  const files = { lin: path.join(temp.dir, 'lin.sqlite'), wang: path.join(temp.dir, 'wang.sqlite') };
  for (const db of Object.values(files)) expect((await runPizhu(['import', corpus, '--db', db])).code).toBe(0);
  const lin = await createLibrary({ dbPath: files.lin });
  const wang = await createLibrary({ dbPath: files.wang });
  try {
    const find = (library: Library, text: string) =>
      library.listArticles().flatMap((a) => library.getArticle(a.id).paragraphs).find((p) => p.text === text)!.id;
    lin.team.setMe({ name: 'Lin', color: '#1c7ed6' });
    wang.team.setMe({ name: 'Wang', color: '#2f9e44' });
    lin.annotations.createHighlight({ paragraphId: find(lin, '住房政策的调整。'), start: 0, end: 4, color: 'yellow', tags: ['政策'] });
    wang.annotations.createHighlight({ paragraphId: find(wang, '住房政策的调整。'), start: 2, end: 4, color: 'blue', tags: ['政策'] });
    wang.annotations.createHighlight({ paragraphId: find(wang, '民生问题。'), start: 0, end: 2, color: 'blue', tags: ['民生'] });
    // Both ways, twice: what one sends can make the other write (a tag made on both merged by name).
    for (let round = 0; round < 2; round++) {
      for (const [from, to] of [[wang, lin], [lin, wang]] as const) {
        for (const name of from.sync.docNames()) to.sync.apply(name, from.sync.diff(name, to.sync.stateVector(name)));
      }
    }
  } finally {
    lin.close();
    wang.close();
  }
  return files.lin;
}

describe('pizhu agreement --coders', () => {
  it('compares members of one library by name: each code, all codes, and where they differ', async () => {
    const db = await sharedLibrary();
    const run = await runPizhu(['agreement', '--db', db, '--coders', 'Lin,wang']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      'Agreement of Lin, Wang on 1 article, each character (UTF-16 unit) once per code',
      "code\tunits\tagreement\tCohen's κ\tKrippendorff's α",
      '政策\t14\t85.7%\t0.588\t0.591',
      '民生\t14\t85.7%\t0.000\t-0.038',
      'all codes\t28\t85.7%\t0.417\t0.427',
      'Where the coders differ (2 passages):',
      '住房政策的调整 [1] 0-2\t政策\t「住房」\tcoded by Lin; not by Wang',
      '住房政策的调整 [2] 0-2\t民生\t「民生」\tcoded by Wang; not by Lin',
    ]);
    const json = JSON.parse((await runPizhu(['agreement', '--db', db, '--coders', 'Lin,Wang', '--json'])).out) as {
      overall: { cohensKappa: number; krippendorffAlpha: number };
    };
    expect(json.overall.cohensKappa).toBeCloseTo(80 / 192, 12);
    expect(json.overall.krippendorffAlpha).toBeCloseTo(164 / 384, 12);
  });

  it('refuses a member the library does not have, naming those it has, and --coders with --with', async () => {
    const db = await sharedLibrary();
    const unknown = await runPizhu(['agreement', '--db', db, '--coders', 'Lin,Zhao']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/No member of this library is called "Zhao" \(members: Lin, Wang\)/);
    const both = await runPizhu(['agreement', '--db', db, '--coders', 'Lin,Wang', '--with', db]);
    expect(both.code).not.toBe(0);
    expect(both.err).toMatch(/--with FILE or --coders A,B, not both/);
  });
});
