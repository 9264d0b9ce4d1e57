/**
 * Child process of the bench (measureMainMemory): opens the library at argv[2] as main does,
 * answers the renderer's start-up requests through the handler table, and prints its peak RSS.
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
  const t0 = performance.now();
  // As IPC sends it: the structured clone is about the size of its JSON.
  const list = JSON.stringify(await dispatch(channelOf('listArticles'), undefined));
  const listMs = performance.now() - t0;
  JSON.stringify(await dispatch(channelOf('listTags'), undefined));
  library.close();
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, listMs, listBytes: Buffer.byteLength(list) }));
}

void main();
