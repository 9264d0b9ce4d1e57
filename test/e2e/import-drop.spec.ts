import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { axeProblems } from './axeActions';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, tabTo, useLanguage } from './personActions';

/** A short news story of its own per place: no two are duplicates. */
function story(place: string): { title: string; text: string } {
  const title = `${place}社区图书馆延长开放时间`;
  const text = [
    title,
    `本报讯 ${place}市的社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅。`,
    `馆长介绍，读者调查显示，六成以上的${place}居民希望晚间也能来看书，图书馆因此调整了排班。`,
    `不少居民表示，这一做法让社区多了一个安静的去处，也希望周末能增加亲子阅读活动。`,
  ].join('\n\n');
  return { title, text };
}
const hangzhou = story('杭州');
const chengdu = story('成都');

interface FixtureFile {
  name: string;
  bytes: number[];
}
const utf8 = (name: string, text: string): FixtureFile => ({ name, bytes: [...Buffer.from(text, 'utf8')] });

/**
 * Drags files over the window as a person's drag from the file manager arrives: a DataTransfer
 * holding File objects made from the fixture bytes, dragenter and dragover dispatched on whatever
 * is drawn at a visible point of the window (the middle of the reader).
 */
async function dragFilesOver(app: Page, files: FixtureFile[]): Promise<void> {
  const box = (await app.locator('.reader-pane').boundingBox())!;
  await app.evaluate(
    ({ files, x, y }) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
      (window as unknown as { dragged: DataTransfer }).dragged = transfer;
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['dragenter', 'dragover'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { files, x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

/** Lets go of what dragFilesOver dragged, at the same point. */
async function dropDragged(app: Page): Promise<void> {
  const box = (await app.locator('.reader-pane').boundingBox())!;
  await app.evaluate(
    ({ x, y }) => {
      const transfer = (window as unknown as { dragged: DataTransfer }).dragged;
      document
        .elementFromPoint(x, y)!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

const report = (app: Page) => app.getByRole('region', { name: 'Import report' });
const articleList = (app: Page) => app.getByRole('list', { name: 'Articles' });

test('files dropped onto the window are imported, and the report says per file what became of each', async ({
  app,
  saveScreenshot,
}) => {
  const dropped = [
    utf8('hangzhou.txt', hangzhou.text),
    utf8('chengdu.md', chengdu.text),
    { name: 'photo.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  ];
  const overlay = app.getByRole('status').filter({ hasText: 'Drop to import' });
  await dragFilesOver(app, dropped);
  await expect(overlay).toBeVisible();
  await screenshotsOf(app, saveScreenshot, 'import-drop-overlay', async () => {
    if (!(await app.locator('.import-drop-overlay').isVisible())) await dragFilesOver(app, dropped);
  });
  await dragFilesOver(app, dropped);
  await dropDragged(app);
  await expect(app.locator('.import-drop-overlay')).toBeHidden();

  await expect(report(app).locator('.import-report-summary')).toHaveText('Imported: 2 · Skipped: 1');
  await expect(report(app).getByRole('list', { name: 'Imported: 2' })).toHaveText(
    new RegExp(`${hangzhou.title}.*${chengdu.title}`, 'u'),
  );
  // How each was read: its encoding, script and how much cleaning hid.
  await expect(report(app).getByRole('list', { name: 'Imported: 2' }).getByRole('listitem').first()).toHaveText(
    `${hangzhou.title} — UTF-8, simplified, 0 of 4 paragraphs hidden`,
  );
  // A picture is of a kind Pizhu does not import: skipped, not a failure, and said in the reader's language.
  await expect(report(app).getByRole('list', { name: 'Skipped: 1' })).toHaveText(
    'photo.png: not a kind of file Pizhu imports (.txt, .md, .html files and RSS/Atom feeds); skipped',
  );
  await useLanguage(app, 'zh-Hans');
  await expect(app.getByRole('region', { name: '导入结果' }).getByRole('list', { name: '1 个已跳过' })).toHaveText(
    'photo.png：不是可导入的文件类型（可导入 .txt、.md、.html 文件和 RSS/Atom 订阅源），已跳过',
  );
  await screenshotsOf(app, saveScreenshot, 'import-report-skipped');
  await expect(articleList(app).getByRole('button', { name: hangzhou.title })).toBeVisible();
  await expect(articleList(app).getByRole('button', { name: chengdu.title })).toBeVisible();

  // The same story again, saved in GBK: a duplicate, skipped unless the person keeps both.
  await dragFilesOver(app, [{ name: 'hangzhou-gbk.txt', bytes: [...iconv.encode(hangzhou.text, 'gbk')] }]);
  await dropDragged(app);
  const duplicates = report(app).getByRole('list', { name: '1 duplicate' });
  const row = duplicates.getByRole('listitem');
  await expect(row).toContainText(`hangzhou-gbk.txt — the same text as “${hangzhou.title}”`);
  await expect(row.getByRole('button', { name: 'Skip' })).toHaveAttribute('aria-pressed', 'true');
  await expect(articleList(app).getByRole('button', { name: hangzhou.title })).toHaveCount(1);
  expect(await axeProblems(app, '.import-report')).toEqual([]);
  await screenshotsOf(app, saveScreenshot, 'import-drop-report-duplicate');

  await clickAtCentre(app, row.getByRole('button', { name: 'Keep both' }));
  await expect(row).toHaveText(`hangzhou-gbk.txt — both kept, linked to “${hangzhou.title}”`);
  await expect(articleList(app).getByRole('button', { name: hangzhou.title })).toHaveCount(2);
  await expect(report(app).locator('.import-report-summary')).toHaveText('Imported: 1 · 1 duplicate');
});

test('a big drop shows its progress with a count and can be cancelled: what was imported stays whole', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const total = 4000;
  const count = app.locator('.library-status');
  await expect(count).toHaveText(/^\d+ articles$/u);
  const before = Number(/\d+/u.exec((await count.textContent()) ?? '')![0]);
  // Built in the page: 4,000 stories of some 30 KB each, every one its own text (the import must outlast the screenshots).
  const box = (await app.locator('.reader-pane').boundingBox())!;
  await app.evaluate(
    ({ total, x, y }) => {
      const transfer = new DataTransfer();
      for (let i = 0; i < total; i++) {
        const lines = [`第${i}号报道：社区图书馆延长开放时间`];
        for (let p = 0; p < 150; p++)
          lines.push(`第${i}号报道第${p}段：社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅，编号${i * 7919 + p}。`);
        transfer.items.add(new File([lines.join('\n\n')], `story-${String(i).padStart(4, '0')}.txt`));
      }
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { total, x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  const bar = app.getByRole('region', { name: 'Import progress' });
  await expect(bar).toBeVisible({ timeout: 10_000 });
  await expect(bar.getByRole('progressbar')).toHaveAttribute('aria-valuemax', String(total));
  await expect(bar).toContainText(new RegExp(`\\d+ / ${total}`, 'u'));
  expect(await axeProblems(app, '.import-progress')).toEqual([]);
  // (In either language: the bar is named in the interface language.)
  await screenshotsOf(app, saveScreenshot, 'import-drop-progress', async () => {
    await expect(app.locator('.import-progress')).toBeVisible();
  });
  await expect(bar).toContainText(new RegExp(`[1-9]\\d* / ${total}`, 'u'));

  await clickAtCentre(app, bar.getByRole('button', { name: 'Cancel import' }));
  await expect(bar).toBeHidden({ timeout: 30_000 });
  const cancelled = report(app).getByRole('status');
  await expect(cancelled).toContainText(new RegExp(`^Cancelled after \\d+ of ${total} files`, 'u'));
  const done = Number(/after (\d+) of/u.exec((await cancelled.textContent()) ?? '')![1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(total);
  // Every file reached is a whole article in the list; none after the cancel.
  await expect(report(app).locator('.import-report-summary')).toHaveText(`Imported: ${done}`);
  await expect(count).toHaveText(`${before + done} articles`);
  await screenshotsOf(app, saveScreenshot, 'import-drop-cancelled');
});

test('by keyboard alone: Import… from a folder, and Keep both for its duplicate', async ({ app, chooseFiles }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-import-keys-'));
  fs.writeFileSync(path.join(folder, 'a-hangzhou.txt'), hangzhou.text);
  fs.writeFileSync(path.join(folder, 'b-hangzhou-gb18030.txt'), iconv.encode(hangzhou.text, 'gb18030'));
  await chooseFiles([folder]);
  await tabTo(app, app.getByRole('button', { name: 'Import…' }));
  await app.keyboard.press('Enter');
  await expect(report(app).locator('.import-report-summary')).toHaveText('Imported: 1 · 1 duplicate');
  const keep = report(app).getByRole('button', { name: 'Keep both' });
  await tabTo(app, keep);
  await app.keyboard.press('Enter');
  await expect(report(app).getByRole('list', { name: '1 duplicate' })).toContainText('both kept, linked to');
  await expect(articleList(app).getByRole('button', { name: hangzhou.title })).toHaveCount(2);
  fs.rmSync(folder, { recursive: true, force: true });
});
