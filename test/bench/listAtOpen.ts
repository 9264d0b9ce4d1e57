/**
 * Child process of the bench (measureListAtOpen): opens the library at argv[2] as main does and
 * answers what a window opened on it asks first, each order of the list as its first list (nothing
 * kept in memory yet, as in a new process), then pages deep into each list with and without a tag
 * filter, as a scroll there asks. Prints one JSON line: each call's CPU milliseconds on this thread
 * (process.cpuUsage around the call: the calls are synchronous, and wall time is noisy on a shared
 * machine).
 *
 *   node --import tsx test/bench/listAtOpen.ts <library.sqlite> [tag]
 *
 * With --rank-in-background instead of a tag: opens the library as the app does and waits for
 * its background work on the list's title order (store/titleRankKeeper: a library whose titles
 * have no rank, as migration 0040 or an import made before ranks were placed at import's end
 * leaves it, is ranked once after the open), and prints what that took: its slices of the main
 * thread (the longest is how long an IPC answer may wait behind it), their total and the CPU.
 */
import { createLibrary } from '../../main/library/createLibrary';
import { articleListSorts, titleCollations, type ArticlePageRequest } from '../../preload/contract/articlePageTypes';

function cpuMs(call: () => unknown): number {
  const started = process.cpuUsage();
  call();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e3;
}

async function rankInBackground(dbPath: string): Promise<void> {
  const started = performance.now();
  const library = await createLibrary({ dbPath, rankTitlesInBackground: true });
  const cpu = process.cpuUsage();
  // The keeper's timers do not hold a process open (the command line exits when done); the app's runs on.
  const alive = setInterval(() => {}, 1000);
  await library.titleRanks!.whenCurrent();
  clearInterval(alive);
  const used = process.cpuUsage(cpu);
  const { count, longestMs, totalMs, longestCpuMs } = library.titleRanks!.slices;
  library.close();
  console.log(JSON.stringify({ slices: count, longestMs, totalMs, longestCpuMs, cpuMs: (used.user + used.system) / 1e3, wallMs: performance.now() - started }));
}

async function main(): Promise<void> {
  if (process.argv[3] === '--rank-in-background') return rankInBackground(process.argv[2]!);
  const library = await createLibrary({ dbPath: process.argv[2]! });
  const tag = process.argv[3] ?? '主题0';
  const base: ArticlePageRequest = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 100 };
  const figures: Record<string, number> = {};
  figures['lastOpenedArticle'] = cpuMs(() => library.lastOpenedArticle());
  // Each order first, as a window opened on it asks: the title order in both collations.
  for (const sort of articleListSorts)
    for (const collation of sort === 'title' ? titleCollations : (['zh'] as const))
      figures[`first page ${sort}${sort === 'title' ? ` ${collation}` : ''}`] = cpuMs(() => library.listArticlePage({ ...base, sort, collation }));
  // Then deep into each list, after a write (opening an article records it), which lets go of
  // the lists kept in memory: the first page asked there orders its list anew; the next one is a
  // scroll on (the list kept).
  const touch = library.database().prepare('UPDATE article SET last_opened_at = last_opened_at WHERE id = (SELECT min(id) FROM article)');
  const total = library.listArticlePage({ ...base, limit: 1 }).total;
  const tagged = library.listArticlePage({ ...base, tag, limit: 1 }).total;
  for (const sort of articleListSorts)
    for (const [filter, count] of [[{}, total], [{ tag }, tagged]] as const) {
      const at = Math.floor(count * 0.9);
      const name = `page at ${at} ${sort}${'tag' in filter ? `, tag ${tag}` : ''}`;
      touch.run();
      figures[`${name} (after a write)`] = cpuMs(() => library.listArticlePage({ ...base, ...filter, sort, offset: at }));
      figures[`${name} (scrolled on)`] = cpuMs(() => library.listArticlePage({ ...base, ...filter, sort, offset: at + 100 }));
    }
  figures['tag pane top level'] = cpuMs(() => library.annotations.listTagLevel({ parent: '', offset: 0, limit: 100 }));
  library.close();
  console.log(JSON.stringify(figures));
}

void main();
