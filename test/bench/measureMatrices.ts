/**
 * Code matrices (issue #18 item 4) on the bench library: the code × article matrix (every tag
 * against every article with a coding: at 10,000 articles and 50,000 tagged highlights, some
 * 48 × 10,000 with tens of thousands of cells) and a cell's passages. Budget: 1 s, the issue's
 * "a person should not wait more than a second for a matrix" — the wait between choosing a
 * matrix and seeing it, with nothing to watch meanwhile. The simplest peer: one SQL GROUP BY of
 * highlight counts per tag and article, which counts neither paragraphs nor highlights over
 * several paragraphs once.
 *
 * Run on its own: BENCH_ARTICLES=1000 node --import tsx test/bench/measureMatrices.ts
 */
import type { Library } from '../../main/library/createLibrary';
import { seededRandom } from './generateCorpus';
import { peerRatio, percentile, timeRuns, type Figure } from './measure';
import { runOnGeneratedLibrary } from './onGeneratedLibrary';
import { seedAnnotations } from './seedAnnotations';

const budgetMs = 1_000;

export function measureMatrices(library: Library): Figure[] {
  const figures: Figure[] = [];
  let drawn = library.matrices.buildMatrix({ kind: 'article' });
  const runs = timeRuns(5, () => {
    drawn = library.matrices.buildMatrix({ kind: 'article' });
  });
  const size = `${drawn.rows.length} × ${drawn.columns.length}, ${drawn.cells.length} cells, ${(JSON.stringify(drawn).length / 1e6).toFixed(1)} MB as JSON`;
  const peer = timeRuns(5, () => {
    library
      .database()
      .prepare(
        `SELECT ht.tag_id, h.article_id, count(*) FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
          JOIN article a ON a.id = h.article_id WHERE a.trashed_at IS NULL GROUP BY ht.tag_id, h.article_id`,
      )
      .all();
  });
  figures.push({
    figure: `code × article matrix (${size})`,
    p50: percentile(runs, 50),
    p95: percentile(runs, 95),
    value: `${percentile(runs, 95).toFixed(0)} ms`,
    budget: `< ${budgetMs} ms`,
    pass: percentile(runs, 95) < budgetMs,
    peer: `${percentile(peer, 95).toFixed(0)} ms (SQL GROUP BY, highlights only)`,
    ratio: peerRatio(percentile(runs, 95), percentile(peer, 95)),
  });
  const matrix = library.matrices.buildMatrix({ kind: 'cooccurrence', scope: 'paragraph' });
  const fullest = [...matrix.cells].sort((a, b) => b.paragraphs - a.paragraphs)[0];
  if (fullest) {
    const row = matrix.rows[fullest.row]!.key;
    const column = matrix.columns[fullest.column]!.key;
    let shown = 0;
    const cellRuns = timeRuns(5, () => {
      shown = library.matrices.matrixPassages(matrix.request, row, column).passages.length;
    });
    figures.push({
      figure: `the fullest co-occurrence cell's passages (${shown} of ${fullest.paragraphs} paragraphs)`,
      p50: percentile(cellRuns, 50),
      p95: percentile(cellRuns, 95),
      value: `${percentile(cellRuns, 95).toFixed(0)} ms`,
      budget: `< ${budgetMs} ms`,
      pass: percentile(cellRuns, 95) < budgetMs,
    });
  }
  return figures;
}

if (require.main === module) {
  void runOnGeneratedLibrary('matrices', (library, count) => {
    // As the bench seeds them: ten highlights an article, every other one tagged.
    seedAnnotations(library, count * 10, seededRandom(7));
    return measureMatrices(library);
  });
}
