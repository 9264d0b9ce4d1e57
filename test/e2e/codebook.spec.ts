import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #18 item 1: a tag's codebook description, written from the tag pane (Describe…), marked
 * there, and shown under the tag's row on hover and on keyboard focus; one undo step.
 */

/** Tags two paragraphs of the first seed through the API: 政策 and 民生. Answers the article's title. */
async function tagTwo(app: Page): Promise<string> {
  return app.evaluate(async () => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const [first] = must(await window.pizhu.listArticles()).sort((x, y) => x.id - y.id);
    const article = must(await window.pizhu.getArticle({ articleId: first!.id }));
    const [p1, p2] = article.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 20);
    must(await window.pizhu.tagParagraph({ paragraphId: p1!.id, tag: '政策' }));
    must(await window.pizhu.tagParagraph({ paragraphId: p2!.id, tag: '民生' }));
    return article.metadata.title;
  });
}

const pane = (app: Page) => app.getByRole('complementary', { name: 'Tags', exact: true });
const tagButton = (app: Page, name: string) =>
  pane(app).getByRole('button', { name: `${name}: 1 passage`, exact: true });

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a person tabbing through the window. */
async function tabTo(app: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await app.keyboard.press(key);
  }
  throw new Error(`60 presses of ${key} did not reach ${target.toString()}`);
}

test('codebook: write a tag’s definition from the tag pane and see it on hover; undo takes it back', async ({
  app,
  saveScreenshot,
}) => {
  // Eight screenshots (two languages, two sizes, two themes) on a shared machine.
  test.setTimeout(180_000);
  const title = await tagTwo(app);
  await app.reload();
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  const policy = tagButton(app, '政策');
  await expect(policy).toBeVisible();
  // No description yet: no tooltip on hover.
  await policy.hover();
  await expect(pane(app).getByRole('tooltip')).toHaveCount(0);

  const dialog = app.getByRole('dialog', { name: 'Describe the tag “政策”' });
  const describe = async (definition: string) => {
    await clickAtCentre(app, pane(app).getByRole('button', { name: 'Describe 政策…' }));
    await expect(dialog.getByRole('textbox', { name: 'Definition', exact: true })).toBeFocused();
    await app.keyboard.type(definition);
    await clickAtCentre(app, dialog.getByRole('textbox', { name: 'Use when', exact: true }));
    await app.keyboard.type('提到具体措施');
    await clickAtCentre(app, dialog.getByRole('textbox', { name: 'Example passage', exact: true }));
    await app.keyboard.type('市政府出台了新政策。');
  };
  await describe('一个草稿定义');
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toBeHidden();
  await expect(pane(app).getByRole('status')).toContainText('Saved the description of “政策”.');
  // The tag is marked as described.
  await expect(pane(app).locator('.tag-description-mark')).toHaveCount(1);

  // One undo step takes the description away (the pane's Undo).
  await clickAtCentre(app, pane(app).getByRole('button', { name: 'Undo' }));
  await expect(pane(app).getByRole('status')).toContainText('Undone.');
  await expect(pane(app).locator('.tag-description-mark')).toHaveCount(0);
  await policy.hover();
  await expect(pane(app).getByRole('tooltip')).toHaveCount(0);

  await describe('关于政府政策的段落。');
  await saveScreenshot('codebook-describe-dialog');
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toBeHidden();

  // Hover: the description shows under the row, and the tag's button is described by it.
  await app.mouse.move(0, 0);
  const tip = pane(app).getByRole('tooltip');
  await expect(tip).toBeHidden();
  await policy.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('关于政府政策的段落。');
  await expect(tip).toContainText('提到具体措施');
  await expect(tip).toContainText('市政府出台了新政策。');
  await expect(tip).not.toContainText('Do not use when');
  await expect(policy).toHaveAccessibleDescription(/关于政府政策的段落。/);
  // In either language: the pane and its rows by what they are, not by their English names.
  await screenshotsOf(app, saveScreenshot, 'codebook-tip', async () => {
    if (!(await app.locator('.tag-pane').isVisible())) {
      await clickAtCentre(app, app.getByRole('button', { name: /^(Tags|标签)$/ }));
    }
    await app.locator('.tag-pane .tag-open', { hasText: '政策' }).hover();
  });

  // The Markdown codebook: Export… ▸ Codebook writes one file with the tag tree and the description.
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const exporting = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, exporting.getByRole('radio', { name: 'Codebook (every tag with its description)' }));
  await expect(exporting.getByRole('radio', { name: 'Highlights only' })).toBeDisabled();
  await clickAtCentre(app, exporting.getByRole('button', { name: 'Export Markdown' }));
  const written = exporting.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(written).toHaveCount(1);
  const file = (await written.first().textContent()) ?? '';
  expect(path.basename(file)).toBe('Codebook.md');
  const codebook = fs.readFileSync(file, 'utf8');
  expect(codebook).toContain('## 政策\n\n#政策 · 1 passage\n\n**Definition**\n\n关于政府政策的段落。');
  expect(codebook).toContain('> 市政府出台了新政策。');
  expect(codebook).toContain('## 民生\n\n#民生 · 1 passage\n\n*No description yet.*');
});

test('codebook: by keyboard alone, Describe… a tag, save, and read the description on focus', async ({ app }) => {
  const title = await tagTwo(app);
  await app.reload();
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await app.mouse.move(0, 0);
  await tabTo(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await app.keyboard.press('Enter');
  await expect(pane(app)).toBeVisible();
  await tabTo(app, pane(app).getByRole('button', { name: 'Describe 民生…' }));
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Describe the tag “民生”' });
  await expect(dialog.getByRole('textbox', { name: 'Definition', exact: true })).toBeFocused();
  await app.keyboard.type('日常生活的议题');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Do not use when', exact: true })).toBeFocused();
  await app.keyboard.type('只谈经济数字');
  await tabTo(app, dialog.getByRole('button', { name: 'Save' }));
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const people = tagButton(app, '民生');
  await tabTo(app, people, 'Shift+Tab');
  const tip = pane(app).getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('日常生活的议题');
  await expect(tip).toContainText('只谈经济数字');
  await expect(people).toHaveAccessibleDescription(/日常生活的议题/);
  // Leaving the row hides it again.
  await app.keyboard.press('Shift+Tab');
  await expect(tip).toBeHidden();
});
