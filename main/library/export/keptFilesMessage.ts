import type { KeptExportFile, KeptReason, MergedExportFile } from '../../../preload/contract/api';

const reasons: Readonly<Record<KeptReason, string>> = {
  'not-written-by-pizhu': 'Pizhu did not write it',
  'changed-since-export': 'it changed since Pizhu exported it',
  'other-library': 'another library exported it',
};

/**
 * One line per file an export kept as it was, for the CLI and the app to show:
 * `kept /vault/index.md (Pizhu did not write it); Pizhu's version is /vault/index (Pizhu).md`.
 */
export function keptFilesMessage(kept: readonly KeptExportFile[]): string[] {
  return kept.map(
    (k) =>
      `kept ${k.path} (${reasons[k.reason]}); ` +
      (k.writtenInstead === null ? 'nothing written in its place' : `Pizhu's version is ${k.writtenInstead}`),
  );
}

/**
 * One line per file an export wrote anew around what the person wrote in it, for the CLI:
 * `merged /vault/a (1).md: kept your 1 addition in place, 1 edited block beside Pizhu's, 2 properties`.
 */
export function mergedFilesMessage(merged: readonly MergedExportFile[]): string[] {
  return merged.map((m) => {
    const parts = [
      m.additions > 0 ? `${m.additions} ${m.additions === 1 ? 'addition' : 'additions'} in place` : '',
      m.editedBlocks > 0 ? `${m.editedBlocks} edited ${m.editedBlocks === 1 ? 'block' : 'blocks'} beside Pizhu's` : '',
      m.properties > 0 ? `${m.properties} ${m.properties === 1 ? 'property' : 'properties'}` : '',
    ].filter((p) => p !== '');
    return `merged ${m.path}: kept your ${parts.join(', ')}`;
  });
}
