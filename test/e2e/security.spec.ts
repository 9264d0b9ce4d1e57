import { expect, test } from './fixtures/pizhuTest';

test('the Content-Security-Policy is in force: injected scripts and eval do not run', async ({ app }) => {
  await expect(app.getByRole('list', { name: 'Articles' })).toBeVisible();
  const outcome = await app.evaluate(async () => {
    const flags = window as unknown as { __inline?: boolean; __remote?: boolean; __timer?: boolean };
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));

    const inline = document.createElement('script');
    inline.textContent = 'window.__inline = true;';
    document.body.append(inline);

    const remote = document.createElement('script');
    remote.src = 'https://evil.example/payload.js';
    document.body.append(remote);

    const img = document.createElement('img');
    img.src = 'https://evil.example/pixel.png';
    document.body.append(img);

    // A string timer is eval run by the page itself (code evaluated through the test bridge is exempt).
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = true', 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      inline: flags.__inline === true,
      remote: flags.__remote === true,
      evalRan: flags.__timer === true,
      violations,
      // The development server's <meta> policy (electron.vite.config.ts) must not reach the built page.
      metaPolicies: document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]').length,
    };
  });
  expect(outcome.inline).toBe(false);
  expect(outcome.remote).toBe(false);
  expect(outcome.evalRan).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'img-src', 'script-src']));
  expect(outcome.metaPolicies).toBe(0);
});

test('window.pizhu is the only bridge, and it is frozen', async ({ app }) => {
  await expect(app.getByRole('list', { name: 'Articles' })).toBeVisible();
  const shape = await app.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      hasRequire: typeof w.require,
      hasProcess: typeof w.process,
      hasIpc: typeof w.ipcRenderer,
      frozen: Object.isFrozen(w.pizhu),
    };
  });
  expect(shape).toEqual({ hasRequire: 'undefined', hasProcess: 'undefined', hasIpc: 'undefined', frozen: true });
});
