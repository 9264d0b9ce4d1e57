/**
 * Test support (node --import tsx --import this): the bins require the built CLI, out/main/cli.js;
 * here it resolves to the CLI's source, so a bin is tested with no build, and never a stale one.
 */
import Module from 'node:module';
import path from 'node:path';

type Resolve = (this: unknown, request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const built = path.join(repo, 'out', 'main', 'cli.js');
const source = path.join(repo, 'main', 'cli', 'pizhu.ts');
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
  return resolve.call(this, path.resolve(request) === built ? source : request, ...rest);
};
