import { expect, type Locator, type Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { clickAtCentre, pointsInText } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Selects the first occurrence of `needle` in the article's paragraph text, as a person's
 * drag would: a DOM Range over the text nodes, which may be split by highlight marks.
 */
export async function selectText(app: Page, needle: string): Promise<void> {
  await app.evaluate((needle) => {
    const els = [...document.querySelectorAll<HTMLElement>('article .paragraph-text')];
    const el = els.find((e) => (e.textContent ?? '').includes(needle));
    if (!el) throw new Error(`no paragraph shows ${needle}`);
    const at = (el.textContent ?? '').indexOf(needle);
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let pos = 0;
    let started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const length = (n as Text).data.length;
      if (!started && at < pos + length) {
        range.setStart(n, at - pos);
        started = true;
      }
      if (started && at + needle.length <= pos + length) {
        range.setEnd(n, at + needle.length - pos);
        break;
      }
      pos += length;
    }
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, needle);
}

/** Imports a crafted article through the API, reloads, and opens it from the library list. */
export async function openCraftedArticle(app: Page, title: string, body: string): Promise<number> {
  const outcome = await app.evaluate(
    ([title, body]) => window.pizhu.importText({ text: `${title}\n\n${body}`, title }),
    [title, body] as const,
  );
  if (!outcome.ok || outcome.value.articleId === undefined)
    throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  await app.reload();
  await openArticle(app, title);
  return outcome.value.articleId;
}

/** Opens an article with a click on its row in the library list (in either interface language), where a person sees it. */
export async function openArticle(app: Page, title: string): Promise<void> {
  const list = app.getByRole('list', { name: /^(Articles|文章)$/ });
  await clickAtCentre(app, list.getByRole('button', { name: title }).first());
  // The heading shows the title in the article's display script, so wait for the article itself.
  await app.getByRole('article').locator('.paragraph-text').first().waitFor();
}

/** The article's id by its title, through the API. */
export async function articleIdOf(app: Page, title: string): Promise<number> {
  return app.evaluate(async (title) => {
    const result = await window.pizhu.listArticles();
    const found = result.ok ? result.value.find((a) => a.title === title) : undefined;
    if (!found) throw new Error(`no article titled ${title}`);
    return found.id;
  }, title);
}

/** Creates a highlight over the first occurrence of `quote` in the article, through the API. */
export async function highlightThroughApi(
  app: Page,
  articleId: number,
  quote: string,
  color: 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange',
): Promise<void> {
  await app.evaluate(
    async ([articleId, quote, color]) => {
      const article = await window.pizhu.getArticle({ articleId });
      if (!article.ok) throw new Error(article.error.message);
      const p = article.value.paragraphs.find((x) => x.text.includes(quote));
      if (!p) throw new Error(`no paragraph has ${quote}`);
      const start = p.text.indexOf(quote);
      const made = await window.pizhu.createHighlight({ paragraphId: p.id, start, end: start + quote.length, color });
      if (!made.ok) throw new Error(made.error.message);
    },
    [articleId, quote, color] as const,
  );
}

/** The canonical text each stored highlight of the article covers, with its colour, tags and group. */
export async function storedHighlights(app: Page, articleId: number) {
  return app.evaluate(async (articleId) => {
    const article = await window.pizhu.getArticle({ articleId });
    if (!article.ok) throw new Error(article.error.message);
    return article.value.highlights.map((h) => {
      const p = article.value.paragraphs.find((x) => x.id === h.paragraphId);
      return {
        id: h.id,
        text: p && h.start !== null && h.end !== null ? p.text.slice(h.start, h.end) : null,
        color: h.color,
        tags: h.tags,
        groupId: h.groupId,
      };
    });
  }, articleId);
}

/**
 * Ctrl+End in a note editor, then waits until the caret is at the end of its last line and the
 * editor has seen it: Lexical reads the selection on `selectionchange`, so a key sent straight
 * after Ctrl+End could land where the click put the caret.
 */
export async function caretToEnd(app: Page, editor: Locator): Promise<void> {
  await app.keyboard.press('ControlOrMeta+End');
  await expect
    .poll(() =>
      editor.evaluate((root) => {
        const selection = document.getSelection();
        if (!selection?.isCollapsed || !selection.focusNode || !root.contains(selection.focusNode)) return false;
        const end = document.createRange();
        end.selectNodeContents(root);
        end.setStart(selection.focusNode, selection.focusOffset);
        return (end.toString() ?? '') === '';
      }),
    )
    .toBe(true);
  await app.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/** Shift held, the pointer moved onto the first character of `needle` as shown: the dictionary pop-up opens there. */
export async function hoverLookUp(app: Page, needle: string): Promise<void> {
  const [point] = await pointsInText(app, [[needle, 0]]);
  await app.mouse.move(point!.x - 40, point!.y);
  await app.keyboard.down('Shift');
  await app.mouse.move(point!.x, point!.y, { steps: 4 });
  await app.keyboard.up('Shift');
}
