// First: the worker runs main's source through require, and must hold the one Yjs @lexical/yjs imports.
import './test/support/oneYjs';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.PIZHU_OUT_DIR ? `test-results/playwright-${process.env.PIZHU_OUT_DIR}` : 'test-results/playwright',
  globalSetup: './test/e2e/fixtures/reportLauncher.ts',
  // Two cores: one app at a time keeps timings honest and the machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
