import fs from 'node:fs';
import path from 'node:path';

/**
 * Files an earlier export wrote for articles whose title has changed since: `Old title (12).md`
 * when `New title (12).md` is about to be written. Only files that say, in their front matter,
 * that they are that article's export count, so a person's own files are never touched.
 */
export function staleArticleFiles(outDir: string): (articleId: number, currentName: string) => string[] {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    names = [];
  }
  const byId = new Map<number, string[]>();
  for (const name of names) {
    const match = / \((\d+)\)\.md$/.exec(name);
    if (!match) continue;
    const id = Number(match[1]);
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  return (articleId, currentName) =>
    (byId.get(articleId) ?? [])
      .filter((name) => name !== currentName && isExportOf(path.join(outDir, name), articleId))
      .map((name) => path.join(outDir, name));
}

function isExportOf(file: string, articleId: number): boolean {
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 4096);
    const end = head.indexOf('\n---\n', 4);
    return (
      head.startsWith('---\n') &&
      end > 0 &&
      head.slice(0, end + 1).includes(`\npizhu: "pizhu://article/${articleId}"\n`)
    );
  } catch {
    return false;
  }
}
