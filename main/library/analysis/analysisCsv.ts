import type { ConcordanceLine, FrequencyList, KeynessResult } from '../../../preload/contract/analysisTypes';
import { csvText } from '../files/csv';

/** Rows as CSV (RFC 4180: CRLF lines, a header, quoted where needed), numbers as written and null as an empty field. */
function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return csvText(rows.map((row) => row.map((v) => (v === null ? '' : String(v)))));
}

export function frequencyCsv(list: FrequencyList): string {
  return csv([
    ['item', 'folded', 'occurrences', 'articles', 'per_10000'],
    ...list.items.map((i) => [i.text, i.folded, i.occurrences, i.articles, perTenThousand(i.occurrences, list.totalOccurrences)]),
  ]);
}

export function concordanceCsv(lines: readonly ConcordanceLine[]): string {
  return csv([
    ['article_id', 'article_title', 'paragraph_id', 'paragraph', 'start', 'end', 'left', 'match', 'right'],
    ...lines.map((l) => [l.articleId, l.articleTitle, l.paragraphId, l.ord + 1, l.start, l.end, l.left, l.match, l.right]),
  ]);
}

export function keynessCsv(result: KeynessResult): string {
  return csv([
    ['item', 'folded', 'subset', 'rest', 'log_likelihood', 'percent_diff', 'direction'],
    ...result.items.map((i) => [i.text, i.folded, i.subset, i.rest, i.logLikelihood.toFixed(3), i.percentDiff === null ? null : i.percentDiff.toFixed(1), i.direction]),
  ]);
}

function perTenThousand(n: number, total: number): string {
  return total === 0 ? '0' : ((n / total) * 10_000).toFixed(2);
}
