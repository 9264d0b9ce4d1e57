/**
 * Where PROVENANCE.md is wrong about what a corpus file states, and the line of the file that
 * shows it. Applied by readProvenance after reading PROVENANCE.md; each correction must still
 * be held by the file (statedInFile checks it like any other label), so a correction cannot
 * invent a value.
 */
import type { Field, Label } from './readProvenance';

export interface Correction {
  file: string;
  field: Field;
  label: Label;
  /** The file's own words that state the value. */
  evidence: string;
}

export const provenanceCorrections: readonly Correction[] = [
  {
    // PROVENANCE.md: "author not stated (photographer 杜洋)"; the story closes with its writers.
    file: 'cn-gerapy-ifeng-1.html',
    field: 'author',
    label: { stated: true, values: ['上官云', '宋宇晟'], match: 'all-names' },
    evidence: '作者：上官云 宋宇晟',
  },
  {
    // PROVENANCE.md: "not stated (南都记者)"; the story closes with its reporter's credit.
    file: 'cn-gne-toutiao-3.html',
    field: 'author',
    label: { stated: true, values: ['林子沛'], match: 'all-names' },
    evidence: '采写：南都见习记者 林子沛',
  },
];
