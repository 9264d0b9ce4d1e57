import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, tabTo } from './personActions';
import { openArticle } from './readerActions';

/** A news page as portals save it: share widget, a picture with its caption, the editor line, a related story after it. */
const title = '古城首届灯会开幕 数万市民夜游';
const sentence = '主办方表示，灯会将持续到本月底，每晚六点开放，市民可以在网上预约入场，现场还安排了志愿者引导。';
const page = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>
<article>
<h1>${title}</h1>
<p>本报讯（记者 张三）昨晚，古城首届灯会开幕，数万市民前来观灯，现场秩序井然，交通平稳有序。</p>
<p>分享到： 微博 微信</p>
<p><img src="lanterns.jpg"></p>
<p>游客在城墙下观看灯组。</p>
<p>${sentence}</p>
<h2>老城区的夜晚</h2>
<p>${sentence.replace('主办方', '文旅部门')}</p>
<p>${sentence.replace('主办方', '交警部门')}</p>
<p>责任编辑：李四</p>
<p>另一地发生山火 消防员连夜扑救，火势已经得到控制，没有人员伤亡。</p>
</article></body></html>`;

const article = (app: Page) => app.getByRole('article');

async function importPage(app: Page, chooseFiles: (files: string[]) => Promise<void>): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-news-page-'));
  const file = path.join(folder, 'lantern-festival.html');
  fs.writeFileSync(file, page);
  await chooseFiles([file]);
  await clickAtCentre(app, app.getByRole('button', { name: 'Import…' }));
  await expect(app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title })).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });
}

test('a news page reads clean: its caption quiet, its heading from the markup, every hidden line saying why', async ({
  app,
  chooseFiles,
  saveScreenshot,
}) => {
  await importPage(app, chooseFiles);
  await openArticle(app, title);

  const text = article(app).locator('.paragraphs');
  const shown = (await text.innerText()).trim();
  for (const noise of ['分享到', '责任编辑', '另一地发生山火'])
    expect(shown, `the reader shows ${noise}`).not.toContain(noise);
  await expect(article(app).locator('.paragraph[data-kind="caption"] .paragraph-text')).toHaveText(
    '游客在城墙下观看灯组。',
  );
  await expect(article(app).getByRole('heading', { name: '老城区的夜晚' })).toBeVisible();

  // By keyboard alone: Tab to the header's hidden-lines toggle and press it.
  const toggle = app.locator('.article-header').getByRole('button', { name: /^\d+ hidden lines$/ });
  await tabTo(app, toggle);
  await app.keyboard.press('Enter');
  const hidden = article(app).locator('.run-hidden .paragraph');
  const reasons: Array<[string, string, string, RegExp]> = [
    ['分享到', 'page-chrome', 'site navigation or buttons', /navigation, share buttons or counters/],
    ['责任编辑：李四', 'editorial-note', 'editor credit', /credits an editor/],
    ['另一地发生山火', 'related-links', 'other stories or ads', /links to other stories/],
  ];
  for (const [words, flag, label, explanation] of reasons) {
    const reason = hidden.filter({ hasText: words }).locator(`.flag-${flag}`);
    await expect(reason).toHaveText(label);
    await expect(reason).toHaveAttribute('title', explanation);
  }

  await screenshotsOf(app, saveScreenshot, 'cleaning-reasons-shown', async () => {
    const toggleAgain = app.locator('.article-header').locator('button.quiet-toggle');
    if ((await toggleAgain.getAttribute('aria-pressed')) !== 'true') await toggleAgain.click();
    await hidden.filter({ hasText: '责任编辑' }).scrollIntoViewIfNeeded();
  });
});

test('a hidden line the cleaner got wrong is put back as body from its menu', async ({ app, chooseFiles }) => {
  await importPage(app, chooseFiles);
  await openArticle(app, title);
  await clickAtCentre(app, app.locator('.article-header').getByRole('button', { name: /^\d+ hidden lines$/ }));

  const line = article(app).locator('.paragraph').filter({ hasText: '另一地发生山火' });
  await line.hover();
  await clickAtCentre(app, line.getByRole('button', { name: 'Paragraph options' }));
  const menu = app.getByRole('menu', { name: 'Paragraph options' });
  await expect(menu.getByRole('menuitemradio', { name: 'Boilerplate (hidden)' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await clickAtCentre(app, menu.getByRole('menuitemradio', { name: 'Body' }));

  // Hide the cleaned lines again: the line stays, as body.
  await clickAtCentre(app, app.locator('.article-header').getByRole('button', { name: /^Hide \d+ cleaned lines$/ }));
  await expect(
    article(app).locator('.paragraph[data-kind="body"]').filter({ hasText: '另一地发生山火' }),
  ).toBeVisible();
});
