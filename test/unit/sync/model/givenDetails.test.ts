import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged } from './syncedLibraries';

/**
 * Another device stores an article from its text, so a detail the person gave at import and the
 * text does not hold (a pasted text's title) travels in the library document; without it the
 * other device showed the title its parse of the text inferred.
 */
const devices = devicesPerTest();

const pasted = '山里的茶\n\n第一段：春天采茶的人上山，茶园里雾很重。\n\n第二段：下午把茶叶摊开晾干。';
describe('details given at import', () => {
  it('a pasted text’s given title is the title on every device', async () => {
    const [a, b] = await devices(2);
    const given = a!.library.importText(pasted, '茶园手记');
    expect(given.title).toBe('茶园手记');
    expectConverged([a!, b!]);
    for (const d of [a!, b!]) expect(d.library.listArticles().map((x) => x.title)).toContain('茶园手记');
  });

  it('the given title is the person’s edit: a re-clean, here or on the other device, keeps it', async () => {
    const [a, b] = await devices(2);
    const given = a!.library.importText(pasted, '茶园手记');
    expectConverged([a!, b!]);
    a!.library.recleanArticle(given.articleId!);
    const onB = b!.library.listArticles().find((x) => x.title === '茶园手记')!;
    b!.library.recleanArticle(onB.id);
    expectConverged([a!, b!]);
    for (const d of [a!, b!]) expect(d.library.listArticles().map((x) => x.title)).toContain('茶园手记');
  });

  it('a pasted text with no title given writes no details: the text gives the same title everywhere', async () => {
    const [a, b] = await devices(2);
    const inferred = a!.library.importText(pasted);
    expectConverged([a!, b!]);
    expect(b!.library.listArticles().map((x) => x.title)).toContain(inferred.title);
  });
});
