import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, tabTo } from './personActions';
import { openArticle } from './readerActions';

/** A clip as Obsidian Web Clipper writes one: YAML front matter, a cover picture, links, a shortcode, a figure. */
const title = '山区小学的新图书馆';
const clip = [
  '---',
  `title: "${title}_教育_某某网"`,
  'source: "https://news.example.com/2024/05/library.html"',
  'author:',
  '  - "[[陈静]]"',
  'published: 2024-05-20',
  'created: 2024-06-02',
  'tags:',
  '  - "clippings"',
  '---',
  '![cover_image](https://img.example.com/cover.jpg)',
  '',
  `# ${title}`,
  '',
  '五月的一个早晨，孩子们第一次走进学校新建的图书馆。据[县教育局](https://edu.example.com/notice/12)介绍，图书馆共有藏书三千多册，**全部来自社会捐赠**。',
  '',
  '{{< video src="https://video.example.com/embed/abc123" >}}',
  '',
  '<figure>',
  '<img src="https://img.example.com/reading.jpg" alt="">',
  '<figcaption>孩子们在新图书馆里读书。</figcaption>',
  '</figure>',
  '',
  '校长说，学校每周会安排两节阅读课，让每个孩子都能借到自己喜欢的书。',
  '',
  '- 开放时间：每天下午',
  '- 借阅期限：两周',
].join('\n');

const article = (app: Page) => app.getByRole('article');

/** Writes the clip where a person keeps downloads, and imports it with the Import… button. */
async function importClip(app: Page, chooseFiles: (files: string[]) => Promise<void>): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-md-clip-'));
  const file = path.join(folder, `${title}.md`);
  fs.writeFileSync(file, clip);
  await chooseFiles([file]);
  await clickAtCentre(app, app.getByRole('button', { name: 'Import…' }));
  await expect(app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title })).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });
}

test('a Markdown clip with front matter reads as clean text, with its metadata in the header', async ({
  app,
  chooseFiles,
  saveScreenshot,
}) => {
  await importClip(app, chooseFiles);
  await openArticle(app, title);

  const header = app.locator('.article-header');
  // The title the front matter names, without the site's suffix; never `title: "…"`.
  await expect(header.getByRole('heading', { name: title, exact: true })).toBeVisible();
  const metadata = header.locator('.article-metadata');
  await expect(metadata).toContainText('陈静');
  await expect(metadata).toContainText('2024-05-20');
  await expect(metadata).toContainText('https://news.example.com/2024/05/library.html');

  // The reading text: words, links as their words, the figure's caption; no Markdown, HTML or YAML.
  const text = article(app).locator('.paragraphs');
  await expect(text).toContainText('据县教育局介绍，图书馆共有藏书三千多册，全部来自社会捐赠。');
  await expect(text).toContainText('孩子们在新图书馆里读书。');
  await expect(text).toContainText('开放时间：每天下午');
  const shown = (await text.innerText()).trim();
  for (const markup of ['title:', 'published:', '---', '{{<', '<figure', '<img', '](', '**', '![', '- 开放']) {
    expect(shown, `the reader shows ${markup}`).not.toContain(markup);
  }
  await expect(article(app).locator('.paragraph[data-kind="caption"]')).toContainText('孩子们在新图书馆里读书。');

  await screenshotsOf(app, saveScreenshot, 'markdown-import-reader', () =>
    header.scrollIntoViewIfNeeded(),
  );
});

test('the hidden Markdown markup is shown on request, each line saying why it was hidden', async ({
  app,
  chooseFiles,
  saveScreenshot,
}) => {
  await importClip(app, chooseFiles);
  await openArticle(app, title);

  // By keyboard alone: Tab to the header's hidden-lines toggle and press it.
  const toggle = app.locator('.article-header').getByRole('button', { name: /^\d+ hidden lines$/ });
  await tabTo(app, toggle);
  await app.keyboard.press('Enter');

  const hidden = article(app).locator('.run-hidden .paragraph');
  const frontMatter = hidden.filter({ hasText: 'published: 2024-05-20' });
  await expect(frontMatter).toBeVisible();
  // Every character of the file is still there: the front matter shown whole, as it stood.
  await expect(frontMatter).toContainText('source: "https://news.example.com/2024/05/library.html"');
  for (const raw of ['{{< video', '![cover_image]']) {
    await expect(hidden.filter({ hasText: raw })).toHaveCount(1);
  }
  // Each says why it is hidden, in words and in the explanation it carries.
  for (const line of [frontMatter, hidden.filter({ hasText: '{{< video' }), hidden.filter({ hasText: '![cover_image]' })]) {
    const reason = line.locator('.flag-markup');
    await expect(reason).toHaveText('Markdown markup, not text');
    await expect(reason).toHaveAttribute('title', /front matter, HTML, a shortcode/);
  }

  await screenshotsOf(app, saveScreenshot, 'markdown-import-markup-shown', async () => {
    const toggleAgain = app.locator('.article-header').locator('button.quiet-toggle');
    if ((await toggleAgain.getAttribute('aria-pressed')) !== 'true') await toggleAgain.click();
    await frontMatter.scrollIntoViewIfNeeded();
  });
});
