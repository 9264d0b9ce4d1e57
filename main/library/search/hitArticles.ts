import type { DetectedScript } from '../../../preload/contract/articleTypes';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { libraryState } from './searchPages';

/** What a hit says of its article. */
export interface HitArticle {
  title: string;
  script: DetectedScript;
  /** The person's correction, else the detected region (migration 0013); null for an article not yet opened since. */
  region: string | null;
  /** Archived: a hit says so, as the library list does. */
  archived: boolean;
}

/** The articles of a page's hits, columns read by position. Exported for the query-plan test. */
export const hitArticlesSql = `SELECT a.id, a.title, a.script, coalesce(a.region_corrected, a.region_detected), a.archived_at IS NOT NULL
  FROM article a WHERE a.id IN (SELECT value FROM json_each(?))`;

type HitArticleRow = [number, string, DetectedScript, string | null, number];

/** More articles than this kept, and the next page starts the keeping afresh (a hit's article is a few dozen bytes). */
const maxKept = 20_000;

const kept = new WeakMap<Db, { state: string; articles: Map<number, HitArticle> }>();

/**
 * The articles `ids` name (those that exist), kept until the library changes (any write on this
 * connection, or a commit by another: searchPages.libraryState). The hits of a page come from a
 * handful of articles, and joining each hit to its article, title and all, was a quarter of
 * reading a page's paragraphs, at every keystroke.
 */
export function hitArticles(db: Db, ids: Iterable<number>): ReadonlyMap<number, HitArticle> {
  const state = libraryState(db);
  let entry = kept.get(db);
  if (!entry || entry.state !== state || entry.articles.size > maxKept) {
    entry = { state, articles: new Map() };
    kept.set(db, entry);
  }
  const articles = entry.articles;
  const missing = [...new Set(ids)].filter((id) => !articles.has(id));
  if (missing.length === 0) return articles;
  const rows = preparedStatement(db, hitArticlesSql).raw(true).all(JSON.stringify(missing)) as HitArticleRow[];
  for (const [id, title, script, region, archived] of rows) articles.set(id, { title, script, region, archived: archived === 1 });
  return articles;
}
