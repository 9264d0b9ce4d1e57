import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/**
 * Imported first by a process that runs main's source through Node's own require: Playwright's
 * worker (playwright.config.ts imports it), where the launcher runs main/library. There a
 * require('yjs') loads yjs.cjs while @lexical/yjs (ESM only, required as an ES module) imports
 * yjs.mjs: two copies, whose instanceof checks refuse each other's types (createYjsBinding
 * refused every note's text). From this import on, require('yjs') loads the ESM build that
 * import('yjs') loads (Node >= 20.19 requires an ES module in place): one Yjs. A tsx child needs
 * none of it (tsx compiles a required ES module to CommonJS, its import of yjs a require), nor
 * does the built app or CLI: main bundles one Yjs (electron.vite.config.ts: only `dependencies` stay external).
 */
type Resolve = (this: unknown, request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const flag = Symbol.for('pizhu.requireYjsAsImported');
const registry = globalThis as unknown as Record<symbol, boolean>;

if (!registry[flag]) {
  registry[flag] = true;
  const resolve = loader._resolveFilename;
  const esmBuilds = new Map<string, string>();
  loader._resolveFilename = function (request, ...rest) {
    if (request !== 'yjs') return resolve.call(this, request, ...rest);
    // The yjs package this importer would get, and the file its "import" condition names.
    const manifest = resolve.call(this, 'yjs/package.json', ...rest);
    let esmBuild = esmBuilds.get(manifest);
    if (esmBuild === undefined) {
      const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: { '.': { import: string } } };
      esmBuild = path.join(path.dirname(manifest), exports['.'].import);
      esmBuilds.set(manifest, esmBuild);
    }
    return esmBuild;
  };
}
