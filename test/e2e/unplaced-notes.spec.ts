import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import * as Y from 'yjs';
import type { Library } from '../../main/library/createLibrary';
import { articleDocName, libraryDoc } from '../../main/library/sync/model/docStore';
import { chooseLauncher, paths } from './fixtures/findLauncher';
import { launchChromium } from './fixtures/launchChromium';
import { clickAtCentre, useLanguage } from './personActions';
import { articleIdOf, openArticle } from './readerActions';

/**
 * Issue #19: a note Lin wrote on another computer, on the text split into paragraphs by a newer
 * cleaner (its place names a split no map leads to here), arrives as her device's update would.
 * The reader lists it under "Unplaced notes and paragraph tags" with its words and Lin's name; the
 * person sets it aside and brings it back by clicking at visible points. (The Chromium launcher:
 * the update is applied to the library the page's handlers run on, in this process.)
 */
const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const words = '这一段在新版清理里被分成两段，笔记写在后半段';

/** Another device's update: its member Lin, and her note at a place in a split this library does not hold. */
function linsUpdate(library: Library, articleUid: string) {
  const withLin = new Y.Doc();
  Y.applyUpdate(withLin, library.sync.diff(libraryDoc, new Uint8Array([0])));
  withLin.transact(() => {
    const lin = new Y.Map<unknown>();
    withLin.getMap<unknown>('members').set('member-lin', lin);
    lin.set('name', '林');
    lin.set('color', '#1c7ed6');
  });
  library.sync.apply(libraryDoc, Y.encodeStateAsUpdate(withLin, library.sync.stateVector(libraryDoc)));
  const name = articleDocName(articleUid);
  const article = new Y.Doc();
  Y.applyUpdate(article, library.sync.diff(name, new Uint8Array([0])));
  article.transact(() => {
    const entry = article.getMap<unknown>('note/2@00000000000000aa');
    entry.set('made_by', 'member-lin');
    entry.set('updated_at', '2026-12-01T08:00:00.000Z');
    article.getText('notetext/2@00000000000000aa').insert(0, words);
  });
  library.sync.apply(name, Y.encodeStateAsUpdate(article, library.sync.stateVector(name)));
}

test('unplaced notes: a note from another split of the text is listed with its maker, set aside and brought back', async () => {
  const choice = chooseLauncher();
  test.skip(choice.kind !== 'chromium', 'the update is applied in the test process: the Chromium launcher');
  if (choice.kind !== 'chromium') return;
  const launched = await launchChromium(choice.executablePath);
  const app = launched.page;
  try {
    const articleId = await articleIdOf(app, s003);
    const uid = launched.library
      .database()
      .prepare('SELECT uid FROM article WHERE id = ?')
      .pluck()
      .get(articleId) as string;
    linsUpdate(launched.library, uid);
    await openArticle(app, s003);

    const section = app.getByRole('region', { name: /^(Unplaced notes and paragraph tags|无法定位的笔记和段落标签)$/ });
    await section.scrollIntoViewIfNeeded();
    await expect(section).toBeVisible();
    const item = section.locator('.unplaced-entry', { hasText: words });
    await expect(item).toBeVisible();
    await expect(item).toContainText(/(by 林|林 标注)/);
    fs.mkdirSync(paths.screenshots, { recursive: true });
    await app.screenshot({ path: path.join(paths.screenshots, 'unplaced-notes.png') });

    await clickAtCentre(app, item.getByRole('button', { name: /^(Set aside|收起)$/ }));
    await expect(section.locator('.unplaced-entry', { hasText: words })).toHaveCount(0);
    const setAside = section.getByRole('button', { name: /^(1 set aside|已收起 1 条)$/ });
    await clickAtCentre(app, setAside);
    const aside = section.locator('.unplaced-entry', { hasText: words });
    await expect(aside).toBeVisible();
    await app.screenshot({ path: path.join(paths.screenshots, 'unplaced-notes-set-aside.png') });
    await clickAtCentre(app, aside.getByRole('button', { name: /^(Bring back|放回)$/ }));
    await expect(setAside).toHaveCount(0);
    await expect(section.locator('.unplaced-entry', { hasText: words })).toBeVisible();
    // In Chinese: the same section, worded so.
    await useLanguage(app, 'zh-Hans');
    await expect(section.getByRole('heading')).toHaveText('无法定位的笔记和段落标签');
    await expect(section.locator('.unplaced-entry', { hasText: words })).toContainText('林 标注');
    await section.scrollIntoViewIfNeeded();
    await app.screenshot({ path: path.join(paths.screenshots, 'unplaced-notes-zh-Hans.png') });
    // The note is still in the documents, on no paragraph; nothing was removed.
    const article = launched.library.getArticle(articleId);
    expect(article.unplaced.map((u) => [u.plainText, u.dismissed])).toEqual([[words, false]]);
  } finally {
    await launched.close();
  }
});
