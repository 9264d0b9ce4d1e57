import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults, ElementContext, ImpactValue } from 'axe-core';
import type { PizhuApi } from '../../preload/contract/api';
import { formatMessage } from '../../renderer/src/i18n/formatMessage';
import type { UiLocale } from '../../renderer/src/i18n/locales';
import { annotateMessages } from '../../renderer/src/features/annotate/messages';
import { exportMessages } from '../../renderer/src/features/export/messages';
import { libraryMessages } from '../../renderer/src/features/library/messages';
import { preferencesMessages } from '../../renderer/src/features/preferences/messages';
import { syncMessages } from '../../renderer/src/features/sync/messages';
import { readerMessages } from '../../renderer/src/features/reader/messages';
import { searchMessages } from '../../renderer/src/features/search/messages';
import { sidebarMessages } from '../../renderer/src/features/sidebar/messages';
import { tagMessages } from '../../renderer/src/features/tags/messages';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
    axe?: { run(context: ElementContext, options: object): Promise<AxeResults> };
  }
}

/** axe-core's own bundle, evaluated in the page (DevTools evaluation is not subject to the app's CSP). */
const axeSource = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Seed 003 has lines the cleaner hid, so the hidden-line styling is checked too. */
const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
/** One article goes to the trash and one to the archive, so those views have a row each. */
const s001 = '治理更精细 平安更有感';
const s004 = '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”';
const tagName = '治安';
const failing: readonly ImpactValue[] = ['serious', 'critical'];

interface Finding {
  state: string;
  rule: string;
  impact: string;
  nodes: string[];
}

/** The serious and critical axe violations inside `scope` (a CSS selector), or the whole page. */
async function axeFindings(app: Page, state: string, scope?: string): Promise<Finding[]> {
  if (!(await app.evaluate(() => typeof window.axe === 'object'))) await app.evaluate(axeSource);
  const violations = await app.evaluate(async (scope) => {
    if (!window.axe) throw new Error('axe-core did not load');
    const result = await window.axe.run(scope ? { include: [scope] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: `${v.id}: ${v.help}`,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`,
      ),
    }));
  }, scope);
  return violations.filter((v) => (failing as readonly string[]).includes(v.impact)).map((v) => ({ state, ...v }));
}

/** A highlight tagged 治安 in seed 003, so the reader, the tags pane and the per-tag view have something to show. */
async function annotateSeed(app: Page): Promise<void> {
  await app.evaluate(
    async ([title, tag]) => {
      const list = await window.pizhu.listArticles();
      const found = list.ok ? list.value.find((a) => a.title === title) : undefined;
      const article = found ? await window.pizhu.getArticle({ articleId: found.id }) : undefined;
      if (!article?.ok) throw new Error(`no seed titled ${title}`);
      const paragraph = article.value.paragraphs.find((p) => p.kind === 'body' && p.text.length > 20);
      if (!paragraph) throw new Error('the seed has no body paragraph');
      const made = await window.pizhu.createHighlight({
        paragraphId: paragraph.id,
        start: 0,
        end: 8,
        color: 'yellow',
        tags: [tag],
      });
      if (!made.ok) throw new Error(made.error.message);
    },
    [s003, tagName] as const,
  );
  await app.evaluate(
    async ([trashed, archived]) => {
      const list = await window.pizhu.listArticles();
      const idOf = (title: string) => (list.ok ? list.value.find((a) => a.title === title)?.id : undefined);
      const trashId = idOf(trashed);
      const archiveId = idOf(archived);
      if (trashId === undefined || archiveId === undefined) throw new Error('the seeds to trash and archive are missing');
      const done = [
        await window.pizhu.trashArticle({ articleId: trashId }),
        await window.pizhu.setArchived({ articleId: archiveId, archived: true }),
      ];
      for (const result of done) if (!result.ok) throw new Error(result.error.message);
    },
    [s001, s004] as const,
  );
}

const combinations: Array<{ locale: UiLocale; theme: 'light' | 'dark'; viewport: { width: number; height: number } }> =
  [
    { locale: 'en', theme: 'light', viewport: { width: 1920, height: 1080 } },
    { locale: 'en', theme: 'dark', viewport: { width: 900, height: 600 } },
    { locale: 'zh-Hans', theme: 'light', viewport: { width: 900, height: 600 } },
    { locale: 'zh-Hans', theme: 'dark', viewport: { width: 1920, height: 1080 } },
  ];

for (const { locale, theme, viewport } of combinations) {
  test(`axe finds no serious or critical violation in any view or dialog (${locale}, ${theme}, ${viewport.width}×${viewport.height})`, async ({
    app,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    const library = libraryMessages[locale];
    const reader = readerMessages[locale];
    const tags = tagMessages[locale];
    const shot = (state: string) =>
      saveScreenshot(`a11y-${state}-${locale}-${theme}-${viewport.width}x${viewport.height}`);
    const findings: Finding[] = [];
    const check = async (state: string, scope?: string) => {
      findings.push(...(await axeFindings(app, state, scope)));
      await shot(state);
    };
    const dialog = (name: string) => app.getByRole('dialog', { name });
    const closeWithEscape = async (open: Locator) => {
      await app.keyboard.press('Escape');
      await expect(open).toBeHidden();
    };

    await annotateSeed(app);
    await app.setViewportSize(viewport);
    await app.evaluate(
      ([locale, theme]) =>
        localStorage.setItem(
          'pizhu.preferences.v1',
          JSON.stringify({ uiLocale: locale, followSystemLocale: false, theme }),
        ),
      [locale, theme] as const,
    );
    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(app.locator('html')).toHaveAttribute('lang', locale);
    const nav = app.getByRole('navigation', { name: library.library });
    await expect(nav.getByRole('list', { name: library.articles }).getByRole('button').first()).toBeVisible();
    await check('library');

    await clickAtCentre(app, nav.getByRole('button', { name: library.pasteText }));
    await expect(dialog(libraryMessages[locale].pasteTitle)).toBeVisible();
    // The shared dialog's focus: into the field the dialog asks for first, back to its opener after Escape.
    await expect(dialog(libraryMessages[locale].pasteTitle).locator('textarea')).toBeFocused();
    await check('paste-text', 'dialog[open]');
    await closeWithEscape(dialog(libraryMessages[locale].pasteTitle));
    await expect(nav.getByRole('button', { name: library.pasteText })).toBeFocused();

    // The import report a paste leaves in the library pane.
    await clickAtCentre(app, nav.getByRole('button', { name: library.pasteText }));
    const paste = dialog(library.pasteTitle);
    await paste.getByRole('textbox', { name: library.pasteTextField, exact: true }).fill('第一段文字。\n\n第二段文字。');
    await clickAtCentre(app, paste.getByRole('button', { name: library.pasteImport, exact: true }));
    await expect(paste).toBeHidden();
    await expect(app.getByRole('region', { name: library.reportTitle })).toBeVisible();
    await check('import-report');

    // The trash and the archive, each its own view of the list.
    const view = nav.getByRole('combobox', { name: library.viewLabel });
    await view.selectOption({ label: library.viewTrash });
    await expect(nav.getByRole('list', { name: library.articles }).getByRole('button', { name: s001 })).toBeVisible();
    await check('trash-view');
    await view.selectOption({ label: library.viewArchived });
    await expect(nav.getByRole('list', { name: library.articles }).getByRole('button', { name: s004 })).toBeVisible();
    await check('archive-view');
    await view.selectOption({ label: library.viewLibrary });

    await clickAtCentre(app, nav.getByRole('button', { name: library.preferences }));
    await expect(dialog(preferencesMessages[locale].title)).toBeVisible();
    await check('preferences', 'dialog[open]');
    await closeWithEscape(dialog(preferencesMessages[locale].title));

    // The Sync pane (not syncing yet): its state, the server form and the folder button.
    const syncing = syncMessages[locale];
    await clickAtCentre(app, app.getByRole('button', { name: syncing.pillOff, exact: true }));
    await expect(dialog(syncing.title)).toBeVisible();
    await check('sync', 'dialog[open]');
    await closeWithEscape(dialog(syncing.title));

    const exporting = exportMessages[locale];
    await clickAtCentre(app, nav.getByRole('button', { name: exporting.export }));
    await expect(dialog(exporting.title)).toBeVisible();
    await check('export', 'dialog[open]');
    // Its report after an export, and what a backup then a merge from it say (main asked and was answered).
    await clickAtCentre(app, dialog(exporting.title).getByRole('button', { name: exporting.run }));
    await expect(dialog(exporting.title).getByRole('list', { name: exporting.files })).toBeVisible();
    await check('export-report', 'dialog[open]');
    const backupStatus = dialog(exporting.title).locator('.export-backup-status');
    await clickAtCentre(app, dialog(exporting.title).getByRole('button', { name: exporting.backupRun }));
    await expect(backupStatus).toContainText('backup.json');
    await clickAtCentre(app, dialog(exporting.title).getByRole('button', { name: exporting.mergeRun }));
    // The merge's answer names no file: the backup's line is gone once it is shown.
    await expect(backupStatus).not.toContainText('backup.json');
    await check('export-merged', 'dialog[open]');
    await closeWithEscape(dialog(exporting.title));

    // The reader, with the lines the cleaner hid shown (they are drawn fainter than the body).
    await clickAtCentre(app, nav.getByRole('list', { name: library.articles }).getByRole('button', { name: s003 }));
    const article = app.getByRole('article');
    await expect(article.locator('.paragraph-text').first()).toBeVisible();
    await check('reader');
    await clickAtCentre(app, article.locator('button.hidden-run').first());
    await expect(article.locator('.run-hidden').first()).toBeVisible();
    await check('reader-hidden-lines');

    // The highlight's popover (a non-modal dialog), opened by clicking the highlight.
    await clickAtCentre(app, article.locator('mark.hl').first());
    const popover = app.getByRole('dialog', { name: annotateMessages[locale].highlight });
    await expect(popover).toBeVisible();
    await check('highlight-popover');
    await closeWithEscape(popover);

    // The annotations sidebar, and the comment field of a highlight in it.
    const sidebarText = sidebarMessages[locale];
    await clickAtCentre(app, app.getByRole('button', { name: sidebarText.showSidebar }));
    const sidebar = app.getByRole('complementary', { name: sidebarText.sidebar });
    await expect(sidebar.locator('.sidebar-item').first()).toBeVisible();
    await check('annotations-sidebar');
    await clickAtCentre(app, sidebar.getByRole('button', { name: sidebarText.addComment }).first());
    await expect(sidebar.getByRole('textbox', { name: sidebarText.commentLabel })).toBeFocused();
    await check('comment-editor');
    await clickAtCentre(app, app.getByRole('button', { name: sidebarText.hideSidebar }));
    await expect(sidebar).toBeHidden();

    const paragraph = article.locator('.paragraph').filter({ hasText: '红色,浸润了赣鄱每一寸土地' });
    const menuButton = paragraph.getByRole('button', { name: reader.paragraphOptions });
    await paragraph.hover();
    await clickAtCentre(app, menuButton);
    const menu = app.getByRole('menu', { name: reader.paragraphOptions });
    await expect(menu).toBeVisible();
    await check('paragraph-menu');
    await clickAtCentre(app, menuButton);
    await expect(menu).toBeHidden();

    await clickAtCentre(app, article.getByRole('button', { name: reader.editDetails }));
    await expect(dialog(reader.editDetails)).toBeVisible();
    await check('edit-details', 'dialog[open]');
    await closeWithEscape(dialog(reader.editDetails));

    // The keyboard alone: the shortcuts overlay from `?`.
    await article.locator('.paragraph-text').first().click();
    await app.keyboard.press('?');
    await expect(dialog(annotateMessages[locale].keyboardShortcuts)).toBeVisible();
    await check('keyboard-help', 'dialog[open]');
    await closeWithEscape(dialog(annotateMessages[locale].keyboardShortcuts));

    // Keyboard selection: v selects the current paragraph's first sentence and reads it out.
    await app.keyboard.press('v');
    await expect.poll(() => app.evaluate(() => document.getSelection()?.toString() ?? '')).not.toBe('');
    await check('keyboard-selection');
    await app.keyboard.press('Escape');

    await app.keyboard.press('Control+Shift+F');
    const search = app.getByRole('complementary', { name: searchMessages[locale].panel });
    await search.getByRole('searchbox').fill('平安');
    await expect(search.locator('mark').first()).toBeVisible();
    await check('search');
    await app.keyboard.press('Escape');

    await clickAtCentre(app, app.getByRole('button', { name: tags.tags, exact: true }));
    const pane = app.getByRole('complementary', { name: tags.tagsPanel, exact: true });
    await expect(pane.getByRole('button', { name: new RegExp(`^${tagName}`) })).toBeVisible();
    await check('tags-pane');

    // The shared yes/no dialog, as deleting a tag asks it (cancelled: nothing is deleted).
    const deleteTag = pane.getByRole('button', { name: formatMessage(tags.delete, { name: tagName }, locale) });
    await pane.getByRole('button', { name: new RegExp(`^${tagName}`) }).hover();
    await clickAtCentre(app, deleteTag);
    const confirm = dialog(formatMessage(tags.deleteTitle, { name: tagName }, locale));
    await expect(confirm).toBeVisible();
    // A destructive question starts on Cancel, so Enter alone never deletes.
    await expect(confirm.getByRole('button', { name: tags.cancel })).toBeFocused();
    await check('confirm', 'dialog[open]');
    await closeWithEscape(confirm);

    await clickAtCentre(app, pane.getByRole('button', { name: new RegExp(`^${tagName}`) }));
    await expect(pane.locator('.passage-list').getByRole('listitem').first()).toBeVisible();
    await check('tag-passages');

    // One line a node, so a failure reads as a list of what to fix.
    const lines = findings.flatMap((f) => f.nodes.map((node) => `${f.state} · ${f.impact} · ${f.rule} · ${node}`));
    expect(lines, 'serious or critical axe violations').toEqual([]);
  });
}
