import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures/pizhuTest';

/** Clicks where a person would: the centre of the element's box, after checking nothing covers that point. */
export async function clickAtCentre(app: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the element has no box on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await target.evaluate(
    (el, [px, py]) => {
      const top = document.elementFromPoint(px, py);
      return top !== null && (el === top || el.contains(top));
    },
    [x, y] as const,
  );
  expect(hit, 'the point clicked shows this element, not something over it').toBe(true);
  await app.mouse.click(x, y);
}

/** Switches the interface language through Preferences, as a person does. */
export async function useLanguage(app: Page, locale: 'en' | 'zh-Hans'): Promise<void> {
  const isEnglish = (await app.locator('html').getAttribute('lang')) === 'en';
  if (isEnglish === (locale === 'en')) return;
  await app.getByRole('button', { name: isEnglish ? 'Preferences' : '偏好设置' }).click();
  const dialog = app.getByRole('dialog', { name: isEnglish ? 'Preferences' : '偏好设置' });
  await dialog.getByRole('combobox', { name: isEnglish ? 'Interface language' : '界面语言' }).selectOption({
    label: locale === 'en' ? 'English' : '简体中文',
  });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * The same view in both interface languages, both themes and both window sizes. `prepare` runs
 * after each change of language or size, to bring back what a re-layout may have closed.
 */
export async function screenshotsOf(
  app: Page,
  saveScreenshot: (name: string) => Promise<string>,
  name: string,
  prepare: () => Promise<void> = async () => {},
): Promise<void> {
  for (const locale of ['en', 'zh-Hans'] as const) {
    await useLanguage(app, locale);
    for (const size of [
      { width: 900, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await app.setViewportSize(size);
      await prepare();
      for (const theme of ['light', 'dark'] as const) {
        await app.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        await saveScreenshot(`${name}-${locale}-${size.width}-${theme}`);
      }
    }
  }
  await useLanguage(app, 'en');
}

/**
 * Points on screen at the middle of characters of the article's text: each `[needle, index]` is
 * the `index`-th character of the first `needle` shown. The first one is scrolled to the middle
 * of the view first, once, so all the points hold together for a drag.
 */
export async function pointsInText(
  app: Page,
  targets: ReadonlyArray<readonly [needle: string, index: number]>,
): Promise<Array<{ x: number; y: number }>> {
  return app.evaluate((targets) => {
    const rangeAt = (needle: string, index: number): Range => {
      const el = [...document.querySelectorAll<HTMLElement>('article .paragraph-text')].find((e) =>
        (e.textContent ?? '').includes(needle),
      );
      if (!el) throw new Error(`no paragraph shows ${needle}`);
      const at = (el.textContent ?? '').indexOf(needle) + index;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const length = (n as Text).data.length;
        if (at < pos + length) {
          const range = document.createRange();
          range.setStart(n, at - pos);
          range.setEnd(n, at - pos + 1);
          return range;
        }
        pos += length;
      }
      throw new Error(`${needle} has no character ${index}`);
    };
    const ranges = targets.map(([needle, index]) => rangeAt(needle, index));
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return ranges.map((range) => {
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
  }, targets);
}
