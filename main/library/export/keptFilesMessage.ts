import type { KeptExportFile, KeptReason } from '../../../preload/contract/api';

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
