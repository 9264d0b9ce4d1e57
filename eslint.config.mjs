import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The layer boundaries of DESIGN §1, as lint rules. test/unit/lint/layerRules.test.ts proves they fire. */
export const layerRules = {
  renderer: {
    patterns: [
      { group: ['**/main/**', '../main/*', '**/main'], message: 'The renderer talks to main only through window.pizhu (preload/contract).' },
      { group: ['electron', 'better-sqlite3', 'node:*', 'fs', 'path', 'child_process'], message: 'The renderer has no Node or Electron.' },
    ],
  },
  library: {
    paths: [{ name: 'electron', message: 'main/library is plain Node: no electron import (DESIGN §1).' }],
    patterns: [{ group: ['**/main/app/**', '**/renderer/**', 'react', 'react-dom'], message: 'main/library depends on nothing above it.' }],
  },
  common: {
    paths: [{ name: 'electron', message: 'preload/contract and preload/common are pure.' }],
    patterns: [{ group: ['node:*', 'fs', 'path', '**/main/**', '**/renderer/**', 'better-sqlite3'], message: 'preload/contract and preload/common are pure: no Node, no main, no renderer.' }],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'test-results-*/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['eslint.config.mjs'], ...tseslint.configs.disableTypeChecked },
  // Playwright's expect and fixtures are unbound functions by design.
  { files: ['test/e2e/**/*.ts'], rules: { '@typescript-eslint/unbound-method': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', layerRules.renderer] },
  },
  { files: ['main/library/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.library] } },
  { files: ['preload/contract/**/*.ts', 'preload/common/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.common] } },
);
