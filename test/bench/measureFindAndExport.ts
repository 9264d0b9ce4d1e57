import type { Library } from '../../main/library/createLibrary';
import type { Figure } from './measure';

/** Filled in as search and export land in main/library; until then each says it was not measured. */
export function measureSearch(_library: Library): Promise<Figure[]> {
  return Promise.resolve([
    { figure: 'search a 2-4 character term, script-insensitive', p50: null, p95: null, value: 'not measured: search not built yet', budget: 'p95 < 30 ms', pass: false },
  ]);
}

export function measureExport(_library: Library, _outDir: string): Promise<Figure[]> {
  return Promise.resolve([
    { figure: 'export 100,000 highlights to Markdown', p50: null, p95: null, value: 'not measured: export not built yet', budget: '< 3 s', pass: false },
  ]);
}
