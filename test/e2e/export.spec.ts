import fs from 'node:fs';
import path from 'node:path';
import type { PizhuApi } from '../../preload/contract/api';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, pointsInText, screenshotsOf, tabTo, useLanguage } from './personActions';
import { articleIdOf, highlightThroughApi, openArticle, storedHighlights } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const second = '红色,浸润了赣鄱每一寸土地,成为这里最厚重的底色。';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

test('exports one article to Markdown, backs up and restores without duplicates', async ({ app, saveScreenshot }) => {
  // A highlight in the first seed, so the export has something marked.
  const title = await highlightFirstArticle(app);
  await app.reload();
  await openArticle(app, title);
  await expect(app.locator('#article-title')).toBeVisible();
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeChecked();
  // No folder yet: the first export has main ask (the launcher's stand-in for main's dialog).
  await expect(dialog.getByText('none yet (asked on the first export)')).toBeVisible();
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  const files = dialog.getByRole('list', { name: 'Exported files' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  const file = (await files.getByRole('listitem').first().textContent()) ?? '';
  expect(path.basename(path.dirname(file))).toBe('export');
  // Main keeps the folder it asked for and shows it; the page never sends it back.
  await expect(dialog.getByRole('button', { name: 'Change…' })).toBeVisible();
  await expect(dialog.getByText(path.dirname(file), { exact: true })).toBeVisible();
  const markdown = fs.readFileSync(file, 'utf8');
  expect(markdown.startsWith('---\n')).toBe(true);
  expect(markdown.split('\n---')[0]).toContain(title);
  expect(markdown).toMatch(/==[^=\n]+==/);
  await saveScreenshot('export-article');

  await clickAtCentre(app, dialog.getByRole('button', { name: 'Back up to JSON…' }));
  await expect(dialog.getByRole('status').last()).toContainText('Backed up 5 articles');
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Merge from JSON…' }));
  await expect(dialog.getByRole('status').last()).toContainText('Nothing new');
  await saveScreenshot('export-backup-restore');
});

test('the page cannot name a path: main refuses one, and the kept export folder is used', async ({ app }) => {
  const answers = await app.evaluate(async () => {
    // What a compromised page might try: the calls as they used to be, with a path of its choosing.
    const raw = window.pizhu as unknown as Record<string, (request?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
    const call = (method: string, request: unknown) => raw[method]!(request).then((r) => (r.ok ? 'ok' : r.error?.code));
    return [
      await call('exportBackup', { file: '/tmp/pizhu-e2e-evil.json' }),
      await call('importBackup', { file: '/etc/passwd' }),
      await call('exportMarkdown', { scope: 'library', outDir: '/tmp/pizhu-e2e-evil' }),
      // No call hands the page a backup path to send back.
      typeof raw.chooseBackupFile,
    ];
  });
  expect(answers).toEqual(['invalid-argument', 'invalid-argument', 'invalid-argument', 'undefined']);
  expect(fs.existsSync('/tmp/pizhu-e2e-evil.json')).toBe(false);
  expect(fs.existsSync('/tmp/pizhu-e2e-evil')).toBe(false);

  const exported = await app.evaluate(async () => {
    const chosen = await window.pizhu.chooseExportFolder();
    const result = await window.pizhu.exportMarkdown({ scope: 'library' });
    const kept = await window.pizhu.getExportFolder();
    return { chosen, result, kept };
  });
  const { chosen, result, kept } = exported;
  if (!chosen.ok || !result.ok || !kept.ok || chosen.value === null) throw new Error('export failed');
  const folder = chosen.value;
  expect(kept.value).toBe(folder);
  expect(result.value?.files.map((f) => path.basename(f))).toContain('index.md');
  expect(result.value?.files.every((f) => path.dirname(f) === folder)).toBe(true);
  expect(result.value?.kept).toEqual([]);
});

/** A yellow highlight on the first seed article's first body paragraph, so it has a file to export; its title. */
async function highlightFirstArticle(app: Page): Promise<string> {
  return app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    if (!list.ok || !list.value[0]) throw new Error('no articles');
    const article = await window.pizhu.getArticle({ articleId: list.value[0].id });
    const paragraph = article.ok ? article.value.paragraphs.find((p) => p.kind === 'body' && p.text.length > 10) : undefined;
    if (!paragraph) throw new Error('no paragraph');
    await window.pizhu.createHighlight({ paragraphId: paragraph.id, start: 0, end: 6, color: 'yellow' });
    return list.value[0].title;
  });
}

test('a re-export keeps a line the person added in their vault in place, adds the new highlight, and the dialog says what it kept', async ({
  app,
  saveScreenshot,
}) => {
  // Passages in the first and third paragraphs, so the person's line sits between two of Pizhu's blocks.
  const articleId = await articleIdOf(app, s003);
  await highlightThroughApi(app, articleId, '一山一水', 'yellow');
  await highlightThroughApi(app, articleId, '江西公安广大民警辅警', 'blue');
  await app.reload();
  await openArticle(app, s003);
  const exportButton = app.getByRole('main').getByRole('button', { name: 'Export…' });
  await clickAtCentre(app, exportButton);
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeChecked();
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  const written = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(written).toHaveCount(1);
  const file = (await written.first().textContent()) ?? '';
  const name = path.basename(file);

  // In the vault: a line of the person's own after the first passage, as Obsidian saves it.
  const mine = '我在 Obsidian 里加的一行：这两段要对照着读。';
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const firstPassageEnd = lines.findIndex((line) => line.startsWith('<!-- pizhu:end id=p-'));
  expect(firstPassageEnd).toBeGreaterThan(0);
  lines.splice(firstPassageEnd + 1, 0, '', mine);
  fs.writeFileSync(file, lines.join('\n'));
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In the app: a new highlight in the second paragraph, by a drag over 厚重的底色 and a click on Yellow.
  const [from, to] = await pointsInText(app, [
    [second, second.indexOf('厚重')],
    [second, second.indexOf('底色') + 1],
  ]);
  await app.mouse.move(from!.x - 4, from!.y);
  await app.mouse.down();
  await app.mouse.move(to!.x + 4, to!.y, { steps: 5 });
  await app.mouse.up();
  const toolbar = app.getByRole('toolbar', { name: 'Highlight' });
  await clickAtCentre(app, toolbar.getByRole('button', { name: 'Yellow' }));
  await expect(toolbar).toBeHidden();
  await expect(app.getByRole('article').locator('mark').filter({ hasText: '厚重的底色' })).toHaveCount(1);

  // Export again, through the dialog.
  await clickAtCentre(app, exportButton);
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  await expect(dialog.getByText('Re-exported 1 file you had written in, keeping what you wrote:')).toBeVisible();
  const merged = dialog.getByRole('list', { name: 'Files with your changes kept' }).getByRole('listitem');
  await expect(merged).toHaveText([`${name} your 1 addition kept in place`]);
  await expect(written).toHaveText([file]);
  await expect(dialog.getByRole('list', { name: 'Kept files' })).toHaveCount(0);

  // The person's line is still there, once, after the first passage and before the second; the new highlight is in the file.
  const text = fs.readFileSync(file, 'utf8');
  expect(text.split('\n').filter((line) => line === mine)).toHaveLength(1);
  const at = text.indexOf(mine);
  expect(text.indexOf('==一山一水==')).toBeLessThan(at);
  // The new passage comes after it, where the paragraph is, and the next one after that.
  expect(text.indexOf('==厚重的底色==')).toBeGreaterThan(at);
  expect(text.indexOf('==江西公安广大民警辅警==')).toBeGreaterThan(text.indexOf('==厚重的底色=='));
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('(Pizhu'))).toEqual([]);
  await reportScreenshots(app, saveScreenshot, 'export-merged', merged.first());

  // The same report in Chinese: the next export carries the line over again, and says so.
  await app.keyboard.press('Escape');
  await useLanguage(app, 'zh-Hans');
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: '导出……' }));
  const zhDialog = app.getByRole('dialog', { name: '导出与备份' });
  await clickAtCentre(app, zhDialog.getByRole('button', { name: '导出 Markdown' }));
  const zhMerged = zhDialog.getByRole('list', { name: '保留了你的改动的文件' }).getByRole('listitem');
  await expect(zhMerged).toHaveText([`${name} 你加的 1 处内容留在原处`]);
  await reportScreenshots(app, saveScreenshot, 'export-merged', zhMerged.first(), 'zh-Hans');
  await app.keyboard.press('Escape');
  await useLanguage(app, 'en');
  expect(fs.readFileSync(file, 'utf8').split('\n').filter((line) => line === mine)).toHaveLength(1);
});

test('an export keeps whole a file the person rewrote without Pizhu\'s marked blocks, and the dialog lists it with why and where Pizhu wrote instead', async ({
  app,
  saveScreenshot,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  // A highlight, so the article has a file to export (one with nothing annotated gets none).
  const title = await highlightFirstArticle(app);
  await app.reload();
  await openArticle(app, title);
  await expect(app.locator('#article-title')).toBeVisible();
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeChecked();
  const run = dialog.getByRole('button', { name: 'Export Markdown' });
  await clickAtCentre(app, run);
  const written = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(written).toHaveCount(1);
  await expect(dialog.getByRole('list', { name: 'Kept files' })).toHaveCount(0);
  const file = (await written.first().textContent()) ?? '';

  // The person rewrites the file in Obsidian, Pizhu's markers and all; then exports again.
  const edited = '# 我自己的读书笔记\n\n我在 Obsidian 里重写了这个文件。\n';
  fs.writeFileSync(file, edited);
  await clickAtCentre(app, run);

  const name = path.basename(file);
  const instead = name.replace(/\.md$/, ' (Pizhu).md');
  await expect(dialog.getByText('Wrote 1 file:')).toBeVisible();
  await expect(dialog.getByText('Kept 1 file as it was, not overwritten:')).toBeVisible();
  const kept = dialog.getByRole('list', { name: 'Kept files' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  await expect(kept.first()).toHaveText(
    `${name} You edited it since Pizhu wrote it and Pizhu's marked blocks in it are gone or broken; Pizhu's version is in ${instead}.`,
  );
  await expect(written).toHaveText([path.join(path.dirname(file), instead)]);
  // Nothing of theirs was touched; Pizhu's version is beside it.
  expect(fs.readFileSync(file, 'utf8')).toBe(edited);
  expect(fs.readFileSync(path.join(path.dirname(file), instead), 'utf8')).not.toContain('我在 Obsidian 里重写');

  await screenshotsOf(app, saveScreenshot, 'export-kept-files', () => kept.first().scrollIntoViewIfNeeded(), ['en']);
});

/**
 * The open dialog's report at 900×600 and 1920×1080, light and dark, in the language it is in
 * (a modal report would not survive the trip to Preferences).
 */
async function reportScreenshots(
  app: Page,
  saveScreenshot: (name: string) => Promise<string>,
  name: string,
  subject: Locator,
  locale: 'en' | 'zh-Hans' = 'en',
): Promise<void> {
  for (const size of [
    { width: 900, height: 600 },
    { width: 1920, height: 1080 },
  ]) {
    await app.setViewportSize(size);
    await subject.scrollIntoViewIfNeeded();
    for (const theme of ['light', 'dark'] as const) {
      await app.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await saveScreenshot(`${name}-${locale}-${size.width}-${theme}`);
    }
  }
  await app.setViewportSize({ width: 1280, height: 860 });
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });
}

test('Full text exports every body paragraph of the article, the highlighted one quoted with its highlight', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  await highlightThroughApi(app, articleId, '一山一水', 'yellow');
  await app.reload();
  await openArticle(app, s003);
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  const fullText = dialog.getByRole('radio', { name: 'Full text, with annotations' });
  // A tag's report quotes passages: no full text there.
  await clickAtCentre(app, dialog.getByRole('radio', { name: 'A tag' }));
  await expect(fullText).toBeDisabled();
  await clickAtCentre(app, dialog.getByRole('radio', { name: 'This article' }));
  await clickAtCentre(app, fullText);
  await expect(fullText).toBeChecked();
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  const written = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(written).toHaveCount(1);
  const markdown = fs.readFileSync((await written.first().textContent()) ?? '', 'utf8');

  // The highlighted paragraph is a quote with its mark; the ones after it are there as plain text.
  expect(markdown).toMatch(/^> .*==一山一水==/m);
  expect(markdown).toMatch(/^红色,浸润了赣鄱每一寸土地/m);
  expect(markdown).toMatch(/^党的十八大以来,江西公安广大民警辅警牢记/m);
  const bodyCount = await app.evaluate(async (articleId) => {
    const article = await window.pizhu.getArticle({ articleId });
    return article.ok ? article.value.paragraphs.filter((p) => p.kind === 'body').length : -1;
  }, articleId);
  expect(markdown.match(/^<!-- pizhu:begin id=p-/gm)).toHaveLength(bodyCount);
  await reportScreenshots(app, saveScreenshot, 'export-full-text', fullText);

  await app.keyboard.press('Escape');
  await useLanguage(app, 'zh-Hans');
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: '导出……' }));
  const zhDialog = app.getByRole('dialog', { name: '导出与备份' });
  const zhFullText = zhDialog.getByRole('radio', { name: '全文（含批注）' });
  await clickAtCentre(app, zhFullText);
  await expect(zhFullText).toBeChecked();
  await reportScreenshots(app, saveScreenshot, 'export-full-text', zhFullText, 'zh-Hans');
  await app.keyboard.press('Escape');
  await useLanguage(app, 'en');
});

test('an article with nothing annotated gets no empty file: the dialog names it as skipped', async ({ app, saveScreenshot }) => {
  await app.setViewportSize({ width: 900, height: 600 });
  const title = await app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    if (!list.ok || !list.value[0]) throw new Error('no articles');
    return list.value[0].title;
  });
  await app.reload();
  await openArticle(app, title);
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  await expect(dialog.getByText('Skipped 1 articles with no highlights, tags or notes (no empty files):')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Skipped articles' }).getByRole('listitem')).toHaveText([title]);
  await expect(dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem')).toHaveCount(0);
  const folder = await app.evaluate(async () => {
    const kept = await window.pizhu.getExportFolder();
    return kept.ok ? kept.value : null;
  });
  if (folder === null) throw new Error('no export folder');
  expect(fs.readdirSync(folder).filter((name) => name.endsWith('.md'))).toEqual([]);
  await saveScreenshot('export-skipped-unannotated');
});

test('Export W3C annotations… writes every highlight to the file main asks for', async ({ app, saveScreenshot }) => {
  await app.setViewportSize({ width: 1920, height: 1080 });
  const title = await highlightFirstArticle(app);
  await app.reload();
  await openArticle(app, title);
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export W3C annotations…' }));
  const status = dialog.getByRole('status').filter({ hasText: 'Wrote 1 annotations to' });
  await expect(status).toBeVisible();
  const file = /to (\/.+)$/.exec((await status.textContent()) ?? '')?.[1];
  if (!file) throw new Error('the status does not name the file');
  const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { type: string; total: number };
  expect(written).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  await screenshotsOf(app, saveScreenshot, 'export-w3c', () => status.scrollIntoViewIfNeeded(), ['en']);
});

test('keyboard alone: Export Markdown and its kept-files report, W3C annotations, and a restore from the automatic backup', async ({
  app,
}) => {
  const title = await highlightFirstArticle(app);
  const articleId = await articleIdOf(app, title);
  await app.reload();
  const open = app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' });
  await tabTo(app, open);
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(dialog).toBeVisible();

  const run = dialog.getByRole('button', { name: 'Export Markdown' });
  await tabTo(app, run);
  await app.keyboard.press('Enter');
  // The whole library: the one annotated article's file, and the index beside it.
  const written = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  const articleFile = written.filter({ hasNotText: /index\.md$/ });
  await expect(articleFile).toHaveCount(1);
  const file = (await articleFile.textContent()) ?? '';
  fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\n我加的一行。\n`);
  await tabTo(app, run);
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Files with your changes kept' }).getByRole('listitem')).toHaveCount(1);
  expect(fs.readFileSync(file, 'utf8')).toContain('\n我加的一行。\n');

  await tabTo(app, dialog.getByRole('button', { name: 'Export W3C annotations…' }));
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Wrote 1 annotations to' })).toBeVisible();

  // The day's automatic backup was made at start, before the highlight.
  await tabTo(app, dialog.getByRole('button', { name: 'Restore from automatic backup…' }));
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'The library is back as it was on' })).toBeVisible();
  expect(await storedHighlights(app, articleId)).toEqual([]);

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
