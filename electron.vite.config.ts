import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// PIZHU_OUT_DIR lets parallel test runs build into their own folder; `out` otherwise.
const outDir = resolve(__dirname, process.env.PIZHU_OUT_DIR ?? 'out');

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: resolve(outDir, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          cli: resolve(__dirname, 'main/cli/pizhu.ts'),
          // A worker thread's own entry: the app starts it from out/main (see main/app/index.ts).
          parseWorkerEntry: resolve(__dirname, 'main/library/import/parseWorkerEntry.ts'),
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
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve(outDir, 'renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
