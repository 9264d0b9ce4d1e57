import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext } from 'axe-core';

/** axe-core's own bundle, read once and evaluated in the page (DevTools evaluation is not subject to the app's CSP). */
let axeSource: string | null = null;

/**
 * axe-core's serious and critical findings inside `scope` (a CSS selector), as the accessibility
 * spec runs it: one line per rule, naming the elements; [] when there are none.
 */
export async function axeProblems(app: Page, scope: string): Promise<string[]> {
  axeSource ??= fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await app.evaluate(() => 'axe' in window))) await app.evaluate(axeSource);
  return app.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(c: ElementContext, o: object): Promise<AxeResults> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, scope);
}
