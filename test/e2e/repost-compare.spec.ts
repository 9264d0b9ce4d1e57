import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeProblems } from './axeActions';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOfModal, tabTo, useLanguage } from './personActions';
import { openArticle } from './readerActions';

/** One story as a mainland paper printed it. */
const titleA = '古城灯会今晚开幕 预计接待游客二十万人次';
const storyA = `${titleA}
来源：古城日报\u30002025-02-10
本报讯 第十届古城灯会今晚在南门广场开幕，八十余组大型灯组沿护城河展出，展期将持续到元宵节后。
开幕式由副市长主持，来自全国十二个省份的灯彩艺人参加了当晚的巡游表演。
主办方介绍，今年的灯组首次采用节能光源，整体用电量比去年减少三成，夜间还将安排无人机表演。
为缓解交通压力，公交公司将加开夜间专线，市民可乘坐地铁二号线在南门站下车。
灯会期间，南门广场周边道路实行临时交通管制，请市民合理安排出行。
`;

/** The same story reposted by a Taiwan site: traditional, one sentence edited, a paragraph of its own, the last cut. */
const titleB = '古城燈會今晚開幕 預計接待遊客二十萬人次';
const storyB = `${titleB}
來源：聯合新聞網\u30002025-02-11
本報訊 第十屆古城燈會今晚在南門廣場開幕，八十餘組大型燈組沿護城河展出，展期將持續到元宵節後。
開幕式由市長親自主持，來自全國十二個省份的燈彩藝人參加了當晚的巡遊表演。
主辦方介紹，今年的燈組首次採用節能光源，整體用電量比去年減少三成，夜間還將安排無人機表演。
記者在現場看到，不少台灣遊客專程前來，一位來自台中的遊客說，這是她第一次在大陸看燈會。
為緩解交通壓力，公交公司將加開夜間專線，市民可乘坐地鐵二號線在南門站下車。
責任編輯：王小明
`;

const summary = '4 paragraphs the same, 1 changed, 2 only in A, 2 only in B';

async function importBoth(app: Page, chooseFiles: (files: string[]) => Promise<void>): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-reposts-'));
  const files = [path.join(folder, 'gucheng-ribao.txt'), path.join(folder, 'udn-repost.txt')];
  fs.writeFileSync(files[0]!, storyA);
  fs.writeFileSync(files[1]!, storyB);
  await chooseFiles(files);
  await clickAtCentre(app, app.getByRole('button', { name: 'Import…' }));
  const list = app.getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('button', { name: titleA })).toBeVisible();
  await expect(list.getByRole('button', { name: titleB })).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });
}

const versionsButton = (app: Page) => app.getByRole('button', { name: /^(Also published as… \(1\)|其他版本（1）)$/ });
const comparison = (app: Page) => app.getByRole('dialog', { name: /^(Side by side|逐段对照)$/ });
/** A column's cell in the row that holds `words` (in either column). */
const cellOf = (dialog: Locator, words: string, column: 1 | 2) =>
  dialog.locator('tr.compare-row').filter({ hasText: words }).locator(`td:nth-child(${column})`);

test('two versions of a story side by side: what the repost added, cut and changed, and a paragraph opened from there', async ({
  app,
  chooseFiles,
  saveScreenshot,
}) => {
  await importBoth(app, chooseFiles);
  await openArticle(app, titleA);

  await clickAtCentre(app, versionsButton(app));
  const list = app.getByRole('dialog', { name: 'Other versions of this article' });
  const item = list.getByRole('listitem').filter({ hasText: titleB });
  await expect(item).toContainText('聯合新聞網');
  await expect(item).toContainText(/\d\d% alike/);
  await clickAtCentre(app, item.getByRole('button', { name: `Compare: ${titleB}` }));

  const dialog = comparison(app);
  await expect(dialog.locator('.compare-summary')).toHaveText(summary);
  await expect(dialog.getByRole('columnheader').nth(0)).toContainText(titleA);
  await expect(dialog.getByRole('columnheader').nth(0)).toContainText('古城日报');
  await expect(dialog.getByRole('columnheader').nth(1)).toContainText(titleB);
  await expect(dialog.getByRole('columnheader').nth(1)).toContainText('聯合新聞網');

  // The paragraph only the repost has: named in its column, a gap named in the other.
  await expect(cellOf(dialog, '記者在現場看到', 2)).toContainText('only in B');
  await expect(cellOf(dialog, '記者在現場看到', 1)).toHaveText('not in A');
  // The paragraph the repost cut.
  await expect(cellOf(dialog, '临时交通管制', 1)).toContainText('only in A');
  await expect(cellOf(dialog, '临时交通管制', 2)).toHaveText('not in B');
  // The edited sentence: 副 struck through on the left, 親自 underlined on the right; the rest of the row unmarked.
  const cut = cellOf(dialog, '开幕式由', 1).locator('del');
  const added = cellOf(dialog, '開幕式由', 2).locator('ins');
  await expect(cut).toHaveText('副');
  await expect(added).toHaveText('親自');
  expect(await cut.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  expect(await added.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
  // A traditional copy of the same words is the same paragraph: nothing marked in it.
  await expect(cellOf(dialog, '主辦方介紹', 2).locator('ins')).toHaveCount(0);
  await expect(dialog.locator('.compare-legend')).toContainText('struck through: only in A');

  expect(await axeProblems(app, '.compare-dialog'), 'light theme').toEqual([]);
  await app.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  expect(await axeProblems(app, '.compare-dialog'), 'dark theme').toEqual([]);
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });

  // Escape returns to the article, the focus back on the button that opened it.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(titleA);
  await expect(versionsButton(app)).toBeFocused();

  // Screenshots: each language, size and theme (the dialog is modal, so it is closed to change language).
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'repost-list',
    async () => {
      await clickAtCentre(app, versionsButton(app));
      await expect(app.getByRole('dialog').getByRole('listitem')).toContainText('聯合新聞網');
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toHaveCount(0);
    },
  );
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'repost-compare',
    async () => {
      await clickAtCentre(app, versionsButton(app));
      await clickAtCentre(app, app.getByRole('dialog').getByRole('button', { name: new RegExp(titleB) }));
      await expect(comparison(app).locator('.compare-table ins')).toHaveText('親自');
      // Still usable in a small window: both columns side by side, the B cell readable and clickable.
      const box = await cellOf(comparison(app), '記者在現場看到', 2).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(comparison(app)).toBeHidden();
    },
  );

  // A paragraph in the right column opens the repost at that paragraph.
  await clickAtCentre(app, versionsButton(app));
  await clickAtCentre(app, app.getByRole('dialog').getByRole('button', { name: `Compare: ${titleB}` }));
  await clickAtCentre(app, cellOf(comparison(app), '記者在現場看到', 2).getByRole('button'));
  await expect(comparison(app)).toBeHidden();
  await expect(app.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(titleB);
  const opened = app.getByRole('article').locator('.paragraph').filter({ hasText: '記者在現場看到' });
  await expect(opened).toBeInViewport();
  await expect(opened).toHaveClass(/paragraph-flash/);
});

test('the comparison by keyboard alone, in the reader’s script mode', async ({ app, chooseFiles }) => {
  await importBoth(app, chooseFiles);
  await openArticle(app, titleA);
  // The reader shows everything in simplified: so does the comparison, the repost's words included.
  await app.keyboard.press('m');
  await expect(
    app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: '简体', exact: true }),
  ).toHaveAttribute('aria-checked', 'true');

  await tabTo(app, versionsButton(app));
  await app.keyboard.press('Enter');
  const compare = app.getByRole('dialog').getByRole('button', { name: /^Compare: / });
  await tabTo(app, compare);
  await app.keyboard.press('Enter');
  const dialog = comparison(app);
  await expect(dialog.locator('.compare-summary')).toHaveText(summary);
  await expect(cellOf(dialog, '开幕式由市长亲自主持', 2).locator('ins')).toHaveText('亲自');
  await expect(cellOf(dialog, '记者在现场看到', 2)).toContainText('only in B');

  // Tab to the repost's own paragraph and open it with Enter.
  await tabTo(app, cellOf(dialog, '记者在现场看到', 2).getByRole('button'), 40);
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('article').locator('.paragraph').filter({ hasText: '記者在現場看到' })).toBeInViewport();
});

/** One story printed in Taiwan and in Hong Kong: the shared paragraph holds Taiwan words (網際網路, 軟體). */
const sharedParagraphs = [
  '新館共有六層，藏書超過五十萬冊，另設兒童閱覽區與自修室，開放時間延長到晚上十點。',
  '市民可以透過網際網路預約座位，館方開發的軟體也能查詢館藏與續借。',
  '館方表示，開幕首月將舉辦一連串講座與展覽，歡迎市民參加。',
  '新館由一座舊倉庫改建，保留了原有的紅磚外牆與木造屋頂，工程歷時三年。',
  '館內設有一百二十部電腦與免費無線上網，另有可容納兩百人的演講廳。',
  '館長說，希望新館成為社區的客廳，讓不同年齡的讀者都能找到自己的位置。',
];
const titleTaiwan = '市立圖書館新館今日啟用 藏書五十萬冊';
const storyTaiwan = [
  titleTaiwan,
  '記者王小明／台北報導',
  ...sharedParagraphs.slice(0, 2),
  '不少民眾搭捷運前來，有人搭計程車到場排隊，心裡想著先睹為快。',
  ...sharedParagraphs.slice(2),
  '',
].join('\n');
const titleHongkong = '市立圖書館新館今日開幕 藏書五十萬冊';
const storyHongkong = [
  titleHongkong,
  '港府今日表示，特首將出席開幕禮。',
  ...sharedParagraphs.slice(0, 2),
  '佢哋喺九龍排隊等咗好耐，館內衞生情況良好，裏面人多。',
  '立法會議員説，應該多建圖書館。',
  ...sharedParagraphs.slice(2),
  '',
].join('\n');

test('a Taiwan and a Hong Kong version compared in 简体: each side converts through its own region', async ({
  app,
  chooseFiles,
  saveScreenshot,
}) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-reposts-'));
  const files = [path.join(folder, 'taipei.txt'), path.join(folder, 'hongkong.txt')];
  fs.writeFileSync(files[0]!, storyTaiwan);
  fs.writeFileSync(files[1]!, storyHongkong);
  await chooseFiles(files);
  await clickAtCentre(app, app.getByRole('button', { name: 'Import…' }));
  const list = app.getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('button', { name: titleHongkong })).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });

  await openArticle(app, titleTaiwan);
  await clickAtCentre(
    app,
    app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: '简体', exact: true }),
  );
  await clickAtCentre(app, versionsButton(app));
  await clickAtCentre(app, app.getByRole('dialog').getByRole('button', { name: /^Compare: / }));
  const dialog = comparison(app);
  // The Taiwan version reads as OpenCC's tw2sp writes it (互联网, 软件); the Hong Kong one as hk2s
  // does, which keeps the Taiwan words it does not know. Converted both as the open article, the
  // right column read 互联网 too; converted without a region, the left read 网际网路.
  const taiwanSide = cellOf(dialog, '馆藏', 1);
  const hongkongSide = cellOf(dialog, '馆藏', 2);
  await expect(taiwanSide).toContainText('市民可以透过互联网预约座位，馆方开发的软件也能查找馆藏与续借。');
  await expect(hongkongSide).toContainText('网际网路');
  await expect(hongkongSide).toContainText('软体');
  await expect(hongkongSide).not.toContainText('互联网');

  // Screenshots: each language, size and theme (the dialog is modal, so it is closed to change language).
  for (const locale of ['en', 'zh-Hans'] as const) {
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await useLanguage(app, locale);
    await clickAtCentre(app, versionsButton(app));
    await clickAtCentre(app, app.getByRole('dialog').getByRole('button', { name: /^(Compare|对照): / }));
    await expect(hongkongSide).toContainText('网际网路');
    for (const size of [
      { width: 900, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await app.setViewportSize(size);
      for (const theme of ['light', 'dark'] as const) {
        await app.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        await saveScreenshot(`repost-compare-regions-${locale}-${size.width}-${theme}`);
      }
    }
  }
});
