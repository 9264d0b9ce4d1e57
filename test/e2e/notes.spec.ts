import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';
import { caretToEnd, openArticle } from './readerActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const seed001 = '治理更精细 平安更有感';
const seed003 = '江西:接续奋斗,红土地上奏响平安之歌';

/** The first body paragraph of the open article: where the note is written. */
const firstBodyParagraph = (app: Page) => app.getByRole('article').locator('.paragraph[data-kind="body"]').first();

/** Opens a paragraph's note the way a reader does: its options menu, then Note. */
async function openNote(app: Page, paragraph: Locator): Promise<Locator> {
  await paragraph.hover();
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Paragraph options' }));
  await clickAtCentre(app, app.getByRole('menuitem', { name: 'Note' }));
  const editor = paragraph.getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(editor).toBeVisible();
  return editor;
}

test('a note typed right before switching article keeps every character and its formatting', async ({
  app,
  saveScreenshot,
}) => {
  await openArticle(app, seed001);
  await expect(app.getByRole('heading', { level: 2, name: seed001 })).toBeVisible();
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  expect(paragraphId).toBeGreaterThan(0);

  const editor = await openNote(app, paragraph);
  await editor.click();
  await app.keyboard.type('要点:');
  // Bold by keyboard shortcut, italic from the toolbar.
  await app.keyboard.press('ControlOrMeta+b');
  await app.keyboard.type('平安晋江');
  await app.keyboard.press('ControlOrMeta+b');
  await app.keyboard.type(' 与 ');
  const toolbar = paragraph.getByRole('toolbar', { name: 'Note formatting' });
  await clickAtCentre(app, toolbar.getByRole('button', { name: 'Italic' }));
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.type('精细治理');
  await clickAtCentre(app, toolbar.getByRole('button', { name: 'Italic' }));
  await app.keyboard.press('Enter');
  await clickAtCentre(app, toolbar.getByRole('button', { name: 'Bulleted list' }));
  await app.keyboard.type('多元共治');
  await app.keyboard.press('Enter');
  // The very last keystrokes, then away at once: no wait for the debounced save.
  await app.keyboard.type('网格化管理 end');
  await openArticle(app, seed003);
  await expect(app.getByRole('heading', { level: 2, name: seed003 })).toBeVisible();

  await openArticle(app, seed001);
  await expect(app.getByRole('heading', { level: 2, name: seed001 })).toBeVisible();
  const reopened = await openNote(app, firstBodyParagraph(app));
  await expect(reopened).toContainText('要点:平安晋江 与 精细治理');
  await expect(reopened.locator('strong')).toHaveText('平安晋江');
  await expect(reopened.locator('em')).toHaveText('精细治理');
  await expect(reopened.locator('ul > li')).toHaveText(['多元共治', '网格化管理 end']);

  const stored = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
  expect(stored.ok).toBe(true);
  if (!stored.ok || !stored.value) throw new Error('the note was not stored');
  expect(stored.value.markdown).toContain('**平安晋江**');
  expect(stored.value.markdown).toContain('*精细治理*');
  expect(stored.value.markdown).toMatch(/^- 多元共治$/m);
  expect(stored.value.markdown).toMatch(/^- 网格化管理 end$/m);
  expect(stored.value.plainText).toContain('网格化管理 end');

  await expect(reopened).toBeFocused();
  await saveScreenshot('notes-editor-light');
  await app.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await saveScreenshot('notes-editor-dark');

  // Escape closes the note; the paragraph then shows that it has one, and reopens it.
  await app.keyboard.press('Escape');
  await expect(reopened).toBeHidden();
  const indicator = firstBodyParagraph(app).getByRole('button', { name: 'Open note' });
  await expect(indicator).toBeVisible();
  await clickAtCentre(app, indicator);
  await expect(firstBodyParagraph(app).getByRole('textbox', { name: 'Note on this paragraph' })).toContainText(
    '网格化管理 end',
  );
});

test('saves while typing, shows it quietly, and an emptied note is deleted', async ({ app }) => {
  await openArticle(app, seed003);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const editor = await openNote(app, paragraph);
  await editor.click();
  await app.keyboard.type('先记一笔');
  const status = paragraph.getByRole('status');
  await expect(status).toHaveText('Saved');
  const saved = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
  expect(saved.ok && saved.value?.plainText).toBe('先记一笔');

  // Escape in the link form closes only the form.
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Link' }));
  await expect(paragraph.getByRole('textbox', { name: 'Link address' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(paragraph.getByRole('textbox', { name: 'Link address' })).toBeHidden();
  await expect(editor).toBeVisible();

  // A link from the toolbar, on selected text.
  await editor.click();
  await app.keyboard.press('End');
  await app.keyboard.press('Shift+Home');
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Link' }));
  await paragraph.getByRole('textbox', { name: 'Link address' }).fill('example.org/notes');
  await app.keyboard.press('Enter');
  await expect(editor.getByRole('link', { name: '先记一笔' })).toHaveAttribute('href', 'https://example.org/notes');
  await expect(status).toHaveText('Saved');
  await expect
    .poll(async () => {
      const note = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
      return note.ok ? note.value?.markdown : null;
    })
    .toBe('[先记一笔](https://example.org/notes)');

  await editor.click();
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.press('Backspace');
  await expect(status).toHaveText('Empty note removed');
  const removed = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
  expect(removed).toEqual({ ok: true, value: null });
});

test('a note typed right before the window closes is kept', async ({ app }) => {
  await openArticle(app, seed001);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const editor = await openNote(app, paragraph);
  await editor.click();
  await app.keyboard.type('关窗之前最后一句');
  // Unloading the page runs the same flush as closing the window, well inside the save delay.
  await app.reload();
  await expect
    .poll(async () => {
      const note = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
      return note.ok ? note.value?.plainText : null;
    })
    .toBe('关窗之前最后一句');
});

test('an undo from the reader shows in the open note, and typing goes on from what the library holds', async ({
  app,
}) => {
  await openArticle(app, seed003);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const stored = async () => {
    const note = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
    return note.ok ? (note.value?.plainText ?? null) : 'error';
  };
  const editor = await openNote(app, paragraph);
  await editor.click();
  await app.keyboard.type('第一版');
  await expect(paragraph.getByRole('status')).toHaveText('Saved');
  // Still unsaved when the reader's undo comes: saved first, then taken back with the rest of the typing.
  await app.keyboard.type('第二版');
  await app.getByRole('heading', { level: 2, name: seed003 }).click();
  await app.keyboard.press('ControlOrMeta+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(editor).toHaveText('');
  expect(await stored()).toBeNull();

  await app.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor).toHaveText('第一版第二版');
  expect(await stored()).toBe('第一版第二版');

  await editor.click();
  await caretToEnd(app, editor);
  await app.keyboard.type('，第三版');
  await expect.poll(stored).toBe('第一版第二版，第三版');
  await expect(editor).toHaveText('第一版第二版，第三版');
});

/** Editor states a backup may hold that are not a Lexical note (the backup schema allows any string). */
const unreadableStates = ['', '{}', 'null', 'not json', '{"root":{"children":[]}}', ''];

test('notes restored from a backup whose editor state is not Lexical JSON are shown, kept by autosave, and editable', async ({
  app,
}) => {
  await openArticle(app, seed001);
  await expect(app.getByRole('heading', { level: 2, name: seed001 })).toBeVisible();
  const body = (i: number) => app.getByRole('article').locator('.paragraph[data-kind="body"]').nth(i);
  const noteOf = (i: number) => body(i).getByRole('textbox', { name: 'Note on this paragraph' });
  const storedText = async (i: number) => {
    const id = Number(await body(i).getAttribute('data-paragraph-id'));
    const note = await app.evaluate((paragraphId) => window.pizhu.getNote({ paragraphId }), id);
    return note.ok ? (note.value?.plainText ?? null) : 'error';
  };
  // The last paragraph already has a note of the person's own: the backup's is joined to it.
  const own = unreadableStates.length - 1;
  const ownEditor = await openNote(app, body(own));
  await ownEditor.click();
  await app.keyboard.type('库里的笔记');
  await expect(body(own).getByRole('status')).toHaveText('Saved');
  await app.keyboard.press('Escape');

  // A backup of this library, then the same file with notes whose editor state is damaged.
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Back up to JSON…' }));
  const backedUp = dialog.getByRole('status').filter({ hasText: 'Backed up' });
  await expect(backedUp).toBeVisible();
  const file = /to (\/.+)$/.exec((await backedUp.textContent()) ?? '')?.[1];
  if (!file) throw new Error('the backup status does not name the file');
  const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    articles: Array<{ title: string; paragraphs: Array<{ kind: string; note: unknown }> }>;
  };
  const article = backup.articles.find((a) => a.title === seed001);
  if (!article) throw new Error('seed 001 is not in the backup');
  const bodies = article.paragraphs.filter((p) => p.kind === 'body');
  const texts = unreadableStates.map((_, i) => `备份里的笔记${i}\n\n第二段${i}`);
  unreadableStates.forEach((editorState, i) => {
    const paragraph = bodies[i];
    if (!paragraph) throw new Error('seed 001 has too few body paragraphs');
    const text = texts[i] ?? '';
    paragraph.note = { editorState, plainText: text, markdown: text, updatedAt: '2026-01-01T00:00:00.000Z' };
  });
  fs.writeFileSync(file, JSON.stringify(backup));
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Merge from JSON…' }));
  await expect(dialog.getByRole('status').filter({ hasText: `${unreadableStates.length} notes` })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const expected = texts.map((text, i) => (i === own ? `库里的笔记\n\n${text}` : text));

  for (const [i, text] of expected.entries()) {
    // Each note shows all its words; opened and left alone past the save delay, nothing changes.
    await clickAtCentre(app, body(i).getByRole('button', { name: 'Open note' }));
    const editor = noteOf(i);
    await expect(editor).toContainText(`备份里的笔记${i}`);
    await expect(editor).toContainText(`第二段${i}`);
    await app.waitForTimeout(1000);
    expect(await storedText(i)).toBe(text);
    // Typing goes on from those words: the first autosave keeps them.
    await editor.click();
    await caretToEnd(app, editor);
    await app.keyboard.type('，补一句');
    await expect(body(i).getByRole('status')).toHaveText('Saved');
    await app.keyboard.press('Escape');
    await expect(editor).toBeHidden();
  }

  await app.reload();
  await openArticle(app, seed001);
  await expect(app.getByRole('heading', { level: 2, name: seed001 })).toBeVisible();
  for (const [i, text] of expected.entries()) {
    expect(await storedText(i)).toBe(`${text}，补一句`);
    await clickAtCentre(app, body(i).getByRole('button', { name: 'Open note' }));
    await expect(noteOf(i)).toContainText(`备份里的笔记${i}`);
    await expect(noteOf(i)).toContainText(`第二段${i}，补一句`);
    await app.keyboard.press('Escape');
  }
});

test('a stored note whose state cannot be read opens as its plain text with a notice, and is never deleted unseen', async ({
  app,
}) => {
  await openArticle(app, seed003);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const stored = async () => {
    const note = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
    return note.ok ? (note.value?.plainText ?? null) : 'error';
  };
  // As an older version or a damaged backup left it: valid JSON that shows none of the note's words.
  await app.evaluate(
    (id) =>
      window.pizhu.saveNote({
        paragraphId: id,
        editorState: '{"root":{"children":[]}}',
        plainText: '旧版本留下的笔记\n\n第二段',
        markdown: '旧版本留下的笔记\n\n第二段',
      }),
    paragraphId,
  );
  await app.reload();
  await openArticle(app, seed003);
  await clickAtCentre(app, firstBodyParagraph(app).getByRole('button', { name: 'Open note' }));
  const editor = firstBodyParagraph(app).getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(editor).toContainText('旧版本留下的笔记');
  await expect(editor.locator('p')).toHaveText(['旧版本留下的笔记', '第二段']);
  await expect(firstBodyParagraph(app).getByRole('note')).toContainText('shown as plain text');
  await app.waitForTimeout(1000);
  expect(await stored()).toBe('旧版本留下的笔记\n\n第二段');

  await editor.click();
  // The click puts the caret where it lands; the keys go in once the editor has the focus.
  await expect(editor).toBeFocused();
  await caretToEnd(app, editor);
  await app.keyboard.press('Enter');
  await app.keyboard.type('新写的一段');
  await expect(firstBodyParagraph(app).getByRole('status')).toHaveText('Saved');
  expect(await stored()).toBe('旧版本留下的笔记\n\n第二段\n\n新写的一段');
});

test('note writing is undone a stretch at a time, in the editor and from the reader, and undo then typing keeps the rest', async ({
  app,
}) => {
  await openArticle(app, seed001);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const stored = async () => {
    const note = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
    return note.ok ? (note.value?.plainText ?? null) : 'error';
  };
  const status = paragraph.getByRole('status');
  const editor = await openNote(app, paragraph);
  await editor.click();

  // Ctrl+Z in the note is the editor's own undo; what it then shows is what is saved.
  await app.keyboard.type('第一句。');
  await expect(status).toHaveText('Saved');
  await app.waitForTimeout(1500);
  await app.keyboard.type('错字');
  await expect.poll(stored).toBe('第一句。错字');
  await app.keyboard.press('ControlOrMeta+z');
  await expect(editor).toHaveText('第一句。');
  await expect.poll(stored).toBe('第一句。');

  // A stop to think, a sentence; another stop, a new paragraph.
  await app.waitForTimeout(3500);
  await app.keyboard.type('第二句。');
  await expect.poll(stored).toBe('第一句。第二句。');
  await app.waitForTimeout(3500);
  await app.keyboard.press('Enter');
  await app.keyboard.type('第二段');
  await expect.poll(stored).toBe('第一句。第二句。\n\n第二段');
  await app.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  // The reader's undo takes back the last stretch only, not the whole note.
  await app.getByRole('heading', { level: 2, name: seed001 }).click();
  await app.keyboard.press('ControlOrMeta+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect.poll(stored).toBe('第一句。第二句。');

  // Then another action: typing on. Everything before the undone stretch stays.
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Open note' }));
  await expect(editor).toHaveText('第一句。第二句。');
  await editor.click();
  await caretToEnd(app, editor);
  await app.keyboard.type('补充');
  await expect(status).toHaveText('Saved');
  await app.reload();
  await openArticle(app, seed001);
  await clickAtCentre(app, firstBodyParagraph(app).getByRole('button', { name: 'Open note' }));
  await expect(firstBodyParagraph(app).getByRole('textbox', { name: 'Note on this paragraph' })).toHaveText(
    '第一句。第二句。补充',
  );
  expect(await stored()).toBe('第一句。第二句。补充');
});

test('a link made from the keyboard leaves the caret after it: the next key types on and the linked words stay', async ({
  app,
}) => {
  await openArticle(app, seed003);
  const paragraph = firstBodyParagraph(app);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  const editor = await openNote(app, paragraph);
  await editor.click();
  await app.keyboard.type('见原文');
  await expect(paragraph.getByRole('status')).toHaveText('Saved');
  // Keyboard only: select the words, Shift+Tab to the toolbar's Link, type the address, Enter.
  await app.keyboard.press('Shift+Home');
  // Lexical takes the selection from the browser's next selectionchange; keys sent back to back
  // (faster than a hand) would otherwise leave the editor before it has seen the selection.
  await expect
    .poll(() =>
      editor.evaluate((root) => {
        const state = (
          root as HTMLElement & { __lexicalEditor?: { getEditorState(): { _selection: unknown } } }
        ).__lexicalEditor?.getEditorState()._selection as
          { anchor: { key: string; offset: number }; focus: { key: string; offset: number } } | null | undefined;
        return !!state?.anchor && (state.anchor.key !== state.focus.key || state.anchor.offset !== state.focus.offset);
      }),
    )
    .toBe(true);
  await app.keyboard.press('Shift+Tab');
  await expect(paragraph.getByRole('button', { name: 'Link' })).toBeFocused();
  await app.keyboard.press('Enter');
  const address = paragraph.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await app.keyboard.type('example.org/source');
  await app.keyboard.press('Enter');
  await expect(address).toBeHidden();
  await expect(editor).toBeFocused();
  // The very next keystroke used to replace the still-selected linked words.
  await app.keyboard.type('。');
  await expect(editor.getByRole('link', { name: '见原文' })).toHaveAttribute('href', 'https://example.org/source');
  await expect(editor).toHaveText('见原文。');

  await app.reload();
  await openArticle(app, seed003);
  await clickAtCentre(app, firstBodyParagraph(app).getByRole('button', { name: 'Open note' }));
  const reopened = firstBodyParagraph(app).getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(reopened.getByRole('link', { name: '见原文' })).toHaveAttribute('href', 'https://example.org/source');
  await expect(reopened).toHaveText('见原文。');
  const stored = await app.evaluate((id) => window.pizhu.getNote({ paragraphId: id }), paragraphId);
  expect(stored.ok && stored.value?.markdown).toBe('[见原文](https://example.org/source)。');
});
