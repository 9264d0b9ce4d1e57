import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import {
  articleIdOf,
  highlightThroughApi,
  openArticle,
  openCraftedArticle,
  selectText,
  storedHighlights,
} from './readerActions';

const modes = [
  ['original', '原文'],
  ['cn', '简体'],
  ['t', '繁體'],
  ['tw', '臺灣'],
  ['twp', '臺灣(詞彙)'],
  ['hk', '香港'],
] as const;

const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });
const toolbar = (app: Page) => app.getByRole('toolbar', { name: 'Highlight' });
const marks = (app: Page) => app.getByRole('article').locator('mark');

test('a highlight stays on its characters in every mode, and a selection in twp is stored canonically', async ({
  app,
  saveScreenshot,
}) => {
  const title = '网络时代的小事';
  const articleId = await openCraftedArticle(
    app,
    title,
    '我们每天都上互联网查资料,很方便。\n\n出门前记得把U盘放进包里,别忘了。',
  );
  await expect(modeRadio(app, '原文')).toHaveAttribute('aria-checked', 'true');

  // Highlight a span containing 互联网 in the original script.
  await selectText(app, '上互联网查');
  await toolbar(app).getByRole('button', { name: 'Yellow' }).click();
  await expect(toolbar(app)).toBeHidden();
  await expect(marks(app)).toHaveText(['上互联网查']);

  // In Taiwan phrases the phrase grows from 3 to 4 characters; the highlight covers all of it.
  await modeRadio(app, '臺灣(詞彙)').click();
  await expect(modeRadio(app, '臺灣(詞彙)')).toHaveAttribute('aria-checked', 'true');
  await expect(marks(app)).toHaveText(['上網際網路查']);
  await expect(app.getByRole('article')).toContainText('把隨身碟放進包裡');

  // Select the converted form of U盘 in twp: what is stored is exactly U盘.
  await selectText(app, '隨身碟');
  await toolbar(app).getByRole('button', { name: 'Green' }).click();
  await expect(marks(app)).toHaveText(['上網際網路查', '隨身碟']);
  const stored = await storedHighlights(app, articleId);
  expect(stored.map((h) => [h.text, h.color])).toEqual([
    ['上互联网查', 'yellow'],
    ['U盘', 'green'],
  ]);
  await saveScreenshot('reader-modes-crafted-twp');

  // Every other mode draws them on the same characters.
  const expected: Record<string, [string, string]> = {
    原文: ['上互联网查', 'U盘'],
    简体: ['上互联网查', 'U盘'],
    繁體: ['上互聯網查', 'U盤'],
    臺灣: ['上互聯網查', 'U盤'],
    香港: ['上互聯網查', 'U盤'],
  };
  for (const [label, texts] of Object.entries(expected)) {
    await modeRadio(app, label).click();
    await expect(marks(app)).toHaveText(texts);
  }

  // The choice is remembered for this article.
  await modeRadio(app, '臺灣(詞彙)').click();
  await app.reload();
  // The library list shows the title in the article's mode too (时代 → 時代).
  await openArticle(app, '時代的小事');
  await expect(app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title })).toHaveCount(0);
  await expect(modeRadio(app, '臺灣(詞彙)')).toHaveAttribute('aria-checked', 'true');
  await expect(marks(app)).toHaveText(['上網際網路查', '隨身碟']);
});

test('seed 003 with two highlights in each of the six modes', async ({ app, saveScreenshot }) => {
  const title = '江西:接续奋斗,红土地上奏响平安之歌';
  const articleId = await articleIdOf(app, title);
  await highlightThroughApi(app, articleId, '扎根红土圣地,从红色基因中汲取强大信念力量', 'yellow');
  await highlightThroughApi(app, articleId, '唱响了红土地上的平安之歌', 'blue');
  await app.reload();
  await openArticle(app, title);

  const expected: Record<string, [string, string]> = {
    original: ['扎根红土圣地,从红色基因中汲取强大信念力量', '唱响了红土地上的平安之歌'],
    cn: ['扎根红土圣地,从红色基因中汲取强大信念力量', '唱响了红土地上的平安之歌'],
    t: ['紮根紅土聖地,從紅色基因中汲取強大信念力量', '唱響了紅土地上的平安之歌'],
    tw: ['紮根紅土聖地,從紅色基因中汲取強大信念力量', '唱響了紅土地上的平安之歌'],
    twp: ['紮根紅土聖地,從紅色基因中汲取強大信念力量', '唱響了紅土地上的平安之歌'],
    hk: ['紮根紅土聖地,從紅色基因中汲取強大信念力量', '唱響了紅土地上的平安之歌'],
  };
  for (const [mode, label] of modes) {
    await modeRadio(app, label).click();
    await expect(marks(app)).toHaveText(expected[mode] ?? []);
    await marks(app).first().scrollIntoViewIfNeeded();
    await saveScreenshot(`reader-modes-003-${mode}`);
  }
});
