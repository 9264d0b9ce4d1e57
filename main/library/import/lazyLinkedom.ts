import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';

let loaded: typeof Linkedom | undefined;

/**
 * linkedom, loaded the first time a page or a feed is parsed rather than when the parse worker
 * (or the app) starts: loading it cost each import's worker 150-250 ms of CPU before its first
 * file, which a folder of text files never needed (the storing thread waits for that first file).
 */
export function linkedom(): typeof Linkedom {
  loaded ??= createRequire(__filename)('linkedom') as typeof Linkedom;
  return loaded;
}
