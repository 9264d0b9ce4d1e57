import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, pointsInText, screenshotsOf, stepTo, tabTo } from './personActions';
import { axeProblems } from './axeActions';
import { hoverLookUp, openArticle, openCraftedArticle, storedHighlights } from './readerActions';

/**
 * Issue #17 item 3: pinyin or zhuyin above the characters, per article, over every word or only
 * the vocabulary's; readings by context in every script mode; the text, selection, copy and
 * highlights the same as without them.
 */

const title = '银行行长谈重庆经济';
const body = ['银行行长说重庆的发展很重要。', '他每天开着出租车穿过北京的街道。'].join('\n\n');

const article = (app: Page) => app.getByRole('article');
const aidButton = (app: Page) => article(app).locator('.article-toolbar .reading-aid-button');
const aidMenu = (app: Page) => app.getByRole('menu', { name: /^(Reading aid|注音)$/ });
const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });

/** Each word drawn with a reading: its characters and the reading over them. */
function rubies(app: Page): Promise<Array<[string, string]>> {
  return article(app)
    .locator('.paragraph-text ruby.reading-word')
    .evaluateAll((els) =>
      els.map((el) => [el.textContent ?? '', el.querySelector('rt')?.getAttribute('data-reading') ?? '']),
    );
}

/** Pairs of a reading and characters of another word whose boxes meet: a reading over the line above, or clipped. */
function overlaps(app: Page): Promise<string[]> {
  return app.evaluate(() => {
    const words = [...document.querySelectorAll<HTMLElement>('article .paragraph-text ruby.reading-word')];
    const bases = words.map((w) => {
      const range = document.createRange();
      range.selectNodeContents(w);
      const rt = w.querySelector('rt');
      if (rt) range.setEndBefore(rt);
      return { word: w, rects: [...range.getClientRects()] };
    });
    const found: string[] = [];
    for (const w of words) {
      const rt = w.querySelector('rt')!.getBoundingClientRect();
      if (rt.height < 4 || rt.width < 4) found.push(`${w.textContent}: reading not drawn (${rt.width}×${rt.height})`);
      for (const b of bases) {
        if (b.word === w) continue;
        for (const r of b.rects) {
          const meet = rt.left < r.right - 1 && r.left < rt.right - 1 && rt.top < r.bottom - 1 && r.top < rt.bottom - 1;
          if (meet) found.push(`${w.textContent}'s reading over ${b.word.textContent}`);
        }
      }
    }
    return found;
  });
}

async function chooseFromMenu(app: Page, item: string) {
  await clickAtCentre(app, aidButton(app));
  await expect(aidMenu(app)).toBeVisible();
  expect(await axeProblems(app, '.reading-aid-menu')).toEqual([]);
  await clickAtCentre(app, aidMenu(app).getByRole('menuitemradio', { name: item }));
  await expect(aidMenu(app)).toHaveCount(0);
}

test('pinyin over every word, by context, in 原文 and 臺灣(詞彙); text, selection and a highlight made with it on are the characters only; it stays with the article', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const articleId = await openCraftedArticle(app, title, body);
  const paragraphs = article(app).locator('.paragraph-text');
  const before = await paragraphs.allTextContents();
  await expect(aidButton(app)).toHaveText('Readings ▾');
  expect(await rubies(app)).toEqual([]);

  await chooseFromMenu(app, 'Pinyin');
  await expect(aidButton(app)).toHaveText('Pinyin ▾');
  await expect.poll(() => rubies(app)).toContainEqual(['银行', 'yín háng']);
  const shown = await rubies(app);
  expect(shown).toContainEqual(['行长', 'háng zhǎng']);
  expect(shown).toContainEqual(['重庆', 'chóng qìng']);
  expect(shown).toContainEqual(['重要', 'zhòng yào']);
  expect(shown).toContainEqual(['出租车', 'chū zū chē']);
  // The text is the same characters; the readings are drawn, not written into it.
  expect(await paragraphs.allTextContents()).toEqual(before);
  expect(await overlaps(app)).toEqual([]);
  expect(await axeProblems(app, 'article')).toEqual([]);

  // The dictionary pop-up finds the word under the pointer as without readings.
  await hoverLookUp(app, '重庆');
  await expect(app.getByRole('dialog', { name: 'Dictionary: 重庆' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.locator('.dictionary-popup')).toHaveCount(0);

  // A drag over 行长说 selects those characters only, and the highlight lands on them.
  const [from, to] = await pointsInText(app, [
    ['行长说', 0],
    ['行长说', 2],
  ]);
  await app.mouse.move(from!.x - 6, from!.y);
  await app.mouse.down();
  await app.mouse.move(to!.x + 6, to!.y, { steps: 6 });
  await app.mouse.up();
  const copied = await app.evaluate(() => {
    const selection = document.getSelection()!;
    const fragment = selection.getRangeAt(0).cloneContents();
    return { text: selection.toString(), fragment: fragment.textContent };
  });
  expect(copied).toEqual({ text: '行长说', fragment: '行长说' });
  await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
  await expect(article(app).locator('mark')).toHaveText(['行长', '说']);
  expect((await storedHighlights(app, articleId)).map((h) => h.text)).toEqual(['行长说']);

  // 臺灣(詞彙) shows Taiwan's word for the stored 出租车, and reads what it shows.
  await clickAtCentre(app, modeRadio(app, '臺灣(詞彙)'));
  await expect.poll(() => rubies(app)).toContainEqual(['計程車', 'jì chéng chē']);
  expect(await rubies(app)).toContainEqual(['銀行', 'yín háng']);
  expect(await rubies(app)).toContainEqual(['行長', 'háng zhǎng']);
  await expect(article(app).locator('mark')).toHaveText(['行長', '說']);

  await screenshotsOf(app, saveScreenshot, 'reading-aids-pinyin', async () => {
    await expect.poll(() => rubies(app)).toContainEqual(['計程車', 'jì chéng chē']);
    expect(await overlaps(app)).toEqual([]);
  });

  // It stays with this article: after a reload, and not on another one.
  await app.reload();
  // The list shows the title in the article's own script mode, as the reader does.
  await openArticle(app, '銀行行長談重慶經濟');
  await expect.poll(() => rubies(app)).toContainEqual(['計程車', 'jì chéng chē']);
  await openCraftedArticle(app, '另一篇文章', '今天天气很好。');
  await expect(aidButton(app)).toHaveText('Readings ▾');
  expect(await rubies(app)).toEqual([]);

  // Off again: no readings, the same text.
  // The list shows the title in the article's own script mode, as the reader does.
  await openArticle(app, '銀行行長談重慶經濟');
  await clickAtCentre(app, modeRadio(app, '原文'));
  await chooseFromMenu(app, 'No readings');
  await expect(article(app).locator('ruby')).toHaveCount(0);
  expect(await paragraphs.allTextContents()).toEqual(before);
  expect((await storedHighlights(app, articleId)).map((h) => h.text)).toEqual(['行长说']);
});

test('with the keyboard alone: zhuyin over every word, then only over the words in the vocabulary, then off', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  await openCraftedArticle(app, title, body);
  // 行长 is a word the person saved (as the pop-up's Add to vocabulary does).
  await app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value.find((a) => a.title === '银行行长谈重庆经济')!.id;
    const got = await window.pizhu.getArticle({ articleId: id });
    if (!got.ok) throw new Error(got.error.message);
    const p = got.value.paragraphs.find((x) => x.text.includes('行长说'))!;
    const start = p.text.indexOf('行长');
    const added = await window.pizhu.addVocabulary({ paragraphId: p.id, start, end: start + 2, word: '行长' });
    if (!added.ok) throw new Error(added.error.message);
  });

  await tabTo(app, aidButton(app));
  await app.keyboard.press('Enter');
  const off = aidMenu(app).getByRole('menuitemradio', { name: 'No readings' });
  await expect(off).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(aidMenu(app).getByRole('menuitemradio', { name: 'Zhuyin' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(aidButton(app)).toBeFocused();
  await expect(aidButton(app)).toHaveText('Zhuyin ▾');
  await expect.poll(() => rubies(app)).toContainEqual(['银行', 'ㄧㄣˊ ㄏㄤˊ']);
  expect(await rubies(app)).toContainEqual(['重庆', 'ㄔㄨㄥˊ ㄑㄧㄥˋ']);
  expect(await rubies(app)).toContainEqual(['的', '˙ㄉㄜ']);
  expect(await overlaps(app)).toEqual([]);

  // Only the vocabulary's words.
  await app.keyboard.press('Enter');
  await expect(aidMenu(app).getByRole('menuitemradio', { name: 'Zhuyin' })).toBeFocused();
  await app.keyboard.press('End');
  await expect(aidMenu(app).getByRole('menuitemradio', { name: 'Only words in my vocabulary' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect.poll(() => rubies(app)).toEqual([['行长', 'ㄏㄤˊ ㄓㄤˇ']]);

  // A word added from the pop-up (d, → to 重庆, Tab to Add to vocabulary) gets its reading at once; an undo takes it away.
  await stepTo(app, '行长说');
  await app.keyboard.press('d');
  await expect(app.getByRole('dialog', { name: /^Dictionary: 银/ })).toBeFocused();
  // 银 行 行 长 说 重: five steps along the text.
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  const chongqing = app.getByRole('dialog', { name: 'Dictionary: 重庆' });
  await expect(chongqing).toBeVisible();
  await tabTo(app, chongqing.getByRole('button', { name: 'Add to vocabulary' }));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Added to vocabulary: 重庆' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect.poll(() => rubies(app)).toEqual([
    ['行长', 'ㄏㄤˊ ㄓㄤˇ'],
    ['重庆', 'ㄔㄨㄥˊ ㄑㄧㄥˋ'],
  ]);
  await app.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => rubies(app)).toEqual([['行长', 'ㄏㄤˊ ㄓㄤˇ']]);

  await screenshotsOf(app, saveScreenshot, 'reading-aids-zhuyin-vocabulary', async () => {
    await expect.poll(() => rubies(app)).toEqual([['行长', 'ㄏㄤˊ ㄓㄤˇ']]);
    expect(await overlaps(app)).toEqual([]);
  });

  // Off, by the keyboard.
  await tabTo(app, aidButton(app));
  await app.keyboard.press('Enter');
  await app.keyboard.press('Home');
  await expect(aidMenu(app).getByRole('menuitemradio', { name: 'No readings' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(article(app).locator('ruby')).toHaveCount(0);
  await expect(aidButton(app)).toHaveText('Readings ▾');
});
