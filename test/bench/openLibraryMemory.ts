/**
 * Child process of the bench (measureMainMemory): opens the library at argv[2] as main does,
 * answers the renderer's start-up requests through the handler table, and prints its peak RSS
 * (and, after it, what the whole list the window used to ask for costs).
 */
import { createDispatch, createHandlers } from '../../main/app/createHandlers';
import { createLibrary } from '../../main/library/createLibrary';
import { channelOf } from '../../preload/contract/channels';

async function main(): Promise<void> {
  const library = await createLibrary({ dbPath: process.argv[2]! });
  const dispatch = createDispatch(
    createHandlers({
      library,
      appVersion: 'bench',
      seededOnThisRun: 0,
      chooseFiles: () => Promise.resolve([]),
    }),
  );
  // What the window asks at start: the first page of the list (listArticlePage) and the tags.
  const t0 = performance.now();
  const page = JSON.stringify(
    await dispatch(channelOf('listArticlePage'), { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 100 }),
  );
  const pageMs = performance.now() - t0;
  JSON.stringify(await dispatch(channelOf('listTags'), undefined));
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  // For comparison, what the window asked before the list was paged: every article's summary.
  const t1 = performance.now();
  const list = JSON.stringify(await dispatch(channelOf('listArticles'), undefined));
  const listMs = performance.now() - t1;
  library.close();
  // As IPC sends them: a structured clone is about the size of the JSON.
  console.log(JSON.stringify({ maxRssMb, pageMs, pageBytes: Buffer.byteLength(page), listMs, listBytes: Buffer.byteLength(list) }));
}

void main();
