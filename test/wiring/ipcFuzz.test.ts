import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestSchemas } from '../../main/app/requestSchemas';
import type { Method } from '../../preload/contract/api';
import { methods } from '../../preload/contract/channels';
import type { LibraryCheck } from '../../preload/contract/libraryDamage';
import { maxTagNameLength } from '../../preload/contract/annotationTypes';
import { maxTagDescriptionPartLength } from '../../preload/contract/codebookTypes';
import { maxAttributeNameLength, maxAttributeValueLength } from '../../preload/contract/attributeTypes';
import { maxLookupTextLength } from '../../preload/contract/dictionaryTypes';
import { maxReadingTextLength, maxReadingTexts } from '../../preload/contract/readingTypes';
import { maxWordsAnswerRows } from '../../preload/contract/analysisTypes';
import { maxArticleIdRows } from '../../preload/contract/articlePageTypes';
import { maxMemoEditorStateLength, maxMemoPlainTextLength } from '../../preload/contract/memoTypes';
import { maxOverrideTermLength } from '../../preload/contract/termOverrideTypes';
import { maxMemberNameLength } from '../../preload/contract/teamTypes';
import { maxSyncTokenLength, maxSyncUrlLength } from '../../preload/contract/syncTypes';
import {
  maxVocabularySenseLength,
  maxVocabularySentenceLength,
  maxVocabularyWordLength,
} from '../../preload/contract/vocabularyTypes';
import { bundleChild } from '../support/bundledChild';
import { hostileDroppedNames, hostilePathCalls, malformedCalls, type Catalog, type FuzzCall, type JsonSchema } from '../support/malformedCalls';
import { seededRandom } from '../unit/main/library/import/noisyText';

/**
 * Issue #12: at least 1,000 generated malformed calls through the dispatch the app registers
 * (test/support/ipcFuzzServer.ts runs it over a seeded library in its own process). Each must be
 * answered, within 5 s and without the process blowing up, with a valid answer or a typed error;
 * a refused call changes no row of any table and no file; the library passes integrity_check at
 * the end. PIZHU_FUZZ_SEED=<n> runs other calls; a failure names its seed and call.
 */
const seed = Number(process.env.PIZHU_FUZZ_SEED ?? 12_2026);
const total = 1_200;
const perCallMs = 5_000;
const memoryLimitMb = 1_500;
const maxRestarts = 12;

/** The codes errors.ts declares, read from its source so that a code added there is known here. */
const errorCodes = (() => {
  const source = fs.readFileSync(path.resolve(__dirname, '../../preload/contract/errors.ts'), 'utf8');
  const union = /export type PizhuErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
  return new Set([...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]));
})();

const schemaOf = (method: string): JsonSchema =>
  z.toJSONSchema(requestSchemas[method as Method], { unrepresentable: 'any', io: 'input' }) as JsonSchema;

type Reply =
  | { result: unknown; changed: string | null; ms: number }
  | { failed: string };

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-fuzz-'));
const startServer = bundleChild(path.resolve(__dirname, '../support/ipcFuzzServer.ts'), root);
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const server of servers) server.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

/** A server process and a way to send it one call at a time, with a time and memory watchdog. */
async function start(unhandled: string[]): Promise<{ catalog: Catalog; ask: (message: unknown) => Promise<Reply>; stop: () => void }> {
  const server = startServer([path.join(root, 'sandbox')], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
  servers.push(server);
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2_000)));
  let waiting: ((reply: Reply) => void) | undefined;
  let catalog: ((c: Catalog) => void) | undefined;
  const ready = new Promise<Catalog>((resolve) => (catalog = resolve));
  server.on('message', (message: Record<string, unknown>) => {
    if ('unhandled' in message) unhandled.push(String(message.unhandled));
    else if ('catalog' in message) catalog?.(message.catalog as Catalog);
    else waiting?.(message as Reply);
  });
  server.on('exit', (code, signal) => waiting?.({ failed: `the main process died (${code ?? signal}): ${stderr}` }));
  const ask = (message: unknown) =>
    new Promise<Reply>((resolve) => {
      const watchdog = setInterval(() => {
        if (residentMb(server.pid) > memoryLimitMb) done({ failed: `the main process grew past ${memoryLimitMb} MB` });
      }, 50);
      const timer = setTimeout(() => done({ failed: `no answer in ${perCallMs / 1000} s (hang)` }), perCallMs);
      function done(reply: Reply) {
        clearInterval(watchdog);
        clearTimeout(timer);
        waiting = undefined;
        resolve(reply);
      }
      waiting = done;
      server.send(message as never);
    });
  const first = await Promise.race([
    ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`fuzz server did not start: ${stderr}`)), 90_000)),
  ]);
  return { catalog: first, ask, stop: () => server.kill('SIGKILL') };
}

/** What the next start would find wrong with the server's library file: null when it opens and passes integrity_check. */
function libraryFileProblem(catalog: Catalog): string | null {
  const file = path.join(catalog.sandbox, 'library.sqlite');
  let db: Database.Database | undefined;
  try {
    // SQLite may read a replaced file's pages from the -wal and call it ok until the next checkpoint.
    const head = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (head.toString('latin1') !== 'SQLite format 3\0') return `it is no longer an SQLite file: ${show(head.toString('latin1'))}`;
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    return check === 'ok' ? null : `integrity_check: ${String(check)}`;
  } catch (error) {
    return `it does not open: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    db?.close();
  }
}

function residentMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A typed error or a valid answer, as createDispatch promises: anything else is a failure's text. */
function answerProblem(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return `not a Result: ${show(result)}`;
  const r = result as { ok: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r ? null : 'ok without a value';
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return `not a Result: ${show(result)}`;
  const { code, message } = r.error;
  if (typeof code !== 'string' || !errorCodes.has(code)) return `error code ${show(code)} is not a PizhuErrorCode`;
  if (typeof message !== 'string' || message.trim() === '') return 'an error without a message';
  // 'internal' is what the dispatch answers when a handler throws something unexpected: a crash caught at the boundary.
  if (code === 'internal') return `an unexpected exception in the handler: ${message}`;
  return null;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * The methods added with the paged list, the dictionary, the vocabulary, term overrides, REFI-QDA,
 * tag descriptions, article attributes, memos, matrices and the Words view, each past a bound by
 * hand (not left to the generator's luck): a string one over its limit, a limit of 1e9 (or none
 * where a whole list would be the answer), NaN, negative and huge offsets, a deep object, and a path field
 * where main's dialog alone names the file. Each must be refused as invalid-argument with the
 * dialogs answering "ok", so a schema that let one through would read or write a real file.
 */
function boundCalls(catalog: Catalog): FuzzCall[] {
  const paragraphId = catalog.paragraphs[0] ?? 1;
  const page = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 50 };
  const word = { paragraphId, start: 0, end: 2, word: '经济' };
  const rule = { source: '心理发展', target: '心理發展', modes: ['t'] };
  const description = { definition: '', inclusion: '', exclusion: '', example: '' };
  const memo = { editorState: '{}', plainText: '备忘', markdown: '备忘' };
  const deep = { __pizhuFuzzDeep: 'object', depth: 2_000, leaf: 'x' };
  // A Words view request with its limit, so that each case is refused for the field it names.
  const shown = { limit: 10 };
  const over = (n: number) => 'x'.repeat(n + 1);
  const cases: Array<[method: Method, request: unknown, how: string]> = [
    ['listArticlePage', { ...page, limit: 1e9 }, 'limit 1e9'],
    ['listArticlePage', { ...page, limit: 0 }, 'limit 0'],
    ['listArticlePage', { ...page, limit: Number.NaN }, 'limit NaN'],
    ['listArticlePage', { ...page, offset: -1 }, 'offset -1'],
    ['listArticlePage', { ...page, offset: 1e12 }, 'offset 1e12'],
    ['listArticlePage', { ...page, offset: Number.POSITIVE_INFINITY }, 'offset Infinity'],
    ['listArticlePage', { ...page, query: over(200) }, 'query over its limit'],
    ['listArticlePage', { ...page, tag: over(maxTagNameLength) }, 'tag over its limit'],
    ['listArticlePage', { ...page, around: -1 }, 'around -1'],
    ['listArticlePage', { ...page, tag: deep }, 'tag a deep object'],
    ['listArticlePage', { ...page, groupBy: -1 }, 'groupBy -1'],
    ['listArticlePage', { ...page, groupBy: 'title' }, 'groupBy a column name'],
    ['listArticleIds', { ...page, limit: maxArticleIdRows + 1 }, 'limit one over maxArticleIdRows'],
    ['listArticleIds', { ...page, offset: -1 }, 'offset -1'],
    ['listArticleIds', { ...page, around: 1 }, 'around, which ids do not take'],
    ['listArticleIds', { ...page, groupBy: Number.NaN }, 'groupBy NaN'],
    ['getExportProgress', { path: catalog.writePaths[0] }, 'a path'],
    ['lookupWord', { text: over(maxLookupTextLength), offset: 0 }, 'text over its limit'],
    ['lookupWord', { text: 'x'.repeat(1_100_000), offset: 0 }, 'text of 1.1 M characters'],
    ['lookupWord', { text: '经济', offset: Number.NaN }, 'offset NaN'],
    ['lookupWord', { text: '经济', offset: -1 }, 'offset -1'],
    ['lookupWord', { text: '经济', offset: 1e9 }, 'offset 1e9'],
    ['lookupWord', { text: '经济', offset: 2 }, 'offset past the end'],
    ['lookupWord', { text: '经济', offset: 0, length: 1e9 }, 'length 1e9'],
    ['lookupWord', { text: '经济', offset: 0, length: 0 }, 'length 0'],
    ['lookupWord', { text: deep, offset: 0 }, 'text a deep object'],
    ['readingWords', { texts: [] }, 'no texts'],
    ['readingWords', { texts: [over(maxReadingTextLength)] }, 'a text over its limit'],
    ['readingWords', { texts: Array.from({ length: 7 }, () => 'x'.repeat(maxReadingTextLength)) }, 'texts over their total'],
    ['readingWords', { texts: Array.from({ length: maxReadingTexts + 1 }, () => '经济') }, 'one text too many'],
    ['readingWords', { texts: ['经济\uD800'] }, 'a lone surrogate'],
    ['readingWords', { texts: [deep] }, 'a text a deep object'],
    ['readingWords', { texts: ['经济'], articleId: 1 }, 'a field of its own'],
    ['addVocabulary', { ...word, word: over(maxVocabularyWordLength) }, 'word over its limit'],
    ['addVocabulary', { ...word, sense: over(maxVocabularySenseLength * 2) }, 'sense over its limit'],
    ['addVocabulary', { ...word, sentence: over(maxVocabularySentenceLength) }, 'sentence over its limit'],
    ['addVocabulary', { ...word, sentence: '经济', sentenceOffset: 1e9 }, 'sentenceOffset 1e9'],
    ['addVocabulary', { ...word, start: Number.NaN }, 'start NaN'],
    ['addVocabulary', { ...word, end: -1 }, 'end -1'],
    ['listVocabulary', { text: over(200) }, 'text over its limit'],
    ['listVocabulary', { articleId: Number.NaN }, 'articleId NaN'],
    ['listVocabulary', { from: '2024-13-45' }, 'from no day'],
    ['listVocabulary', { tag: deep }, 'tag a deep object'],
    ['updateVocabulary', { id: Number.NaN }, 'id NaN'],
    ['updateVocabulary', { id: 1, reading: 'x'.repeat(1_100_000) }, 'reading of 1.1 M characters'],
    ['removeVocabulary', { id: -1 }, 'id -1'],
    ['removeVocabulary', { id: 2 ** 64 }, 'id 2^64'],
    ['exportVocabulary', { format: '../csv' }, 'format a path'],
    ['exportVocabulary', { format: 'csv', filter: deep }, 'filter a deep object'],
    ['addTermOverride', { ...rule, source: over(maxOverrideTermLength) }, 'source over its limit'],
    ['addTermOverride', { ...rule, modes: Array.from({ length: 10_000 }, () => 't') }, '10,000 modes'],
    ['addTermOverride', { ...rule, modes: ['../t'] }, 'a mode that is a path'],
    ['updateTermOverride', { id: Number.NaN, ...rule }, 'id NaN'],
    ['removeTermOverride', { id: -1 }, 'id -1'],
    ['describeTag', { tag: 'x', description: { ...description, definition: over(maxTagDescriptionPartLength * 2) } }, 'definition over its limit'],
    ['describeTag', { tag: over(maxTagNameLength), description }, 'tag over its limit'],
    ['listTagLevel', { parent: '', offset: 0, limit: 1e9 }, 'limit 1e9'],
    ['listTagLevel', { parent: '', offset: -1, limit: 10 }, 'offset -1'],
    ['listTagLevel', { parent: '', offset: Number.NaN, limit: 10 }, 'offset NaN'],
    ['listTagLevel', { parent: over(maxTagNameLength), offset: 0, limit: 10 }, 'parent over its limit'],
    ['listTagLevel', { parent: deep, offset: 0, limit: 10 }, 'parent a deep object'],
    ['listTaggedPassagePage', { tag: 'x', offset: 0, limit: 1e9 }, 'limit 1e9'],
    ['listTaggedPassagePage', { tag: 'x', offset: -1, limit: 10 }, 'offset -1'],
    ['listTaggedPassagePage', { tag: over(maxTagNameLength), offset: 0, limit: 10 }, 'tag over its limit'],
    ['listTaggedPassagePage', { tag: 'x', offset: 1e12, limit: 10 }, 'offset 1e12'],
    ['listTaggedPassagePage', { tag: deep, offset: 0, limit: 10 }, 'tag a deep object'],
    ['listTaggedPassagePage', { tag: 'x\uD800', offset: 0, limit: 10 }, 'a lone surrogate'],
    ['saveArticleMemo', { articleId: 1, ...memo, plainText: over(maxMemoPlainTextLength) }, 'plainText over its limit'],
    ['saveArticleMemo', { articleId: 1, ...memo, editorState: over(maxMemoEditorStateLength) }, 'editorState over its limit'],
    ['saveArticleMemo', { articleId: Number.NaN, ...memo }, 'articleId NaN'],
    ['saveArticleMemo', { articleId: 1, ...memo, markdown: deep }, 'markdown a deep object'],
    ['getArticleMemo', { articleId: -1 }, 'articleId -1'],
    ['saveJournalEntry', { id: 2 ** 64, ...memo }, 'id 2^64'],
    ['saveJournalEntry', { ...memo, plainText: 'x\uD800' }, 'a lone surrogate'],
    ['saveJournalEntry', { ...memo, createdAt: '2020-01-01' }, 'a field of its own'],
    ['removeJournalEntry', { id: Number.NaN }, 'id NaN'],
    ['listJournal', { path: catalog.writePaths[0] }, 'a path'],
    ['listArticlePage', { ...page, attribute: { attributeId: Number.NaN, value: 'x' } }, 'attribute id NaN'],
    ['listArticlePage', { ...page, attribute: { attributeId: 1, value: over(maxAttributeValueLength * 2) } }, 'attribute value over its limit'],
    ['defineAttribute', { name: over(maxAttributeNameLength * 2), kind: 'text' }, 'name over its limit'],
    ['defineAttribute', { name: 'x', kind: '../text' }, 'kind a path'],
    ['defineAttribute', { name: 'x', kind: 'choice', choices: Array.from({ length: 10_000 }, () => 'c') }, '10,000 choices'],
    ['updateAttribute', { id: Number.NaN, name: 'x', kind: 'text' }, 'id NaN'],
    ['removeAttribute', { id: -1 }, 'id -1'],
    ['getArticleAttributes', { articleId: 2 ** 64 }, 'articleId 2^64'],
    ['setAttributeValue', { articleIds: [], attributeId: 1, value: 'x' }, 'no article'],
    ['setAttributeValue', { articleIds: Array.from({ length: 100_001 }, (_, i) => i + 1), attributeId: 1, value: 'x' }, '100,001 articles'],
    ['setAttributeValue', { articleIds: [1], attributeId: 1, value: over(maxAttributeValueLength * 2) }, 'value over its limit'],
    ['setAttributeValue', { articleIds: [1], attributeId: 1, value: deep }, 'value a deep object'],
    ['setAttributeValueOnList', { list: { ...page }, attributeId: 1, value: 'x' }, 'a list with its window'],
    ['setAttributeValueOnList', { list: { ...page, offset: undefined, limit: undefined }, attributeId: -1, value: 'x' }, 'attributeId -1'],
    ['buildMatrix', { kind: 'cooccurrence', scope: 'within', within: 1e9 }, 'within 1e9'],
    ['buildMatrix', { kind: 'cooccurrence', scope: '../highlight' }, 'scope a path'],
    ['buildMatrix', { kind: 'attribute', attributeId: Number.NaN }, 'attributeId NaN'],
    ['buildMatrix', { kind: 'article', tag: over(maxTagNameLength) }, 'tag over its limit'],
    ['matrixPassages', { matrix: { kind: 'article' }, row: over(maxTagNameLength), column: '1' }, 'row over its limit'],
    ['matrixPassages', { matrix: { kind: 'article' }, row: 'x', column: deep }, 'column a deep object'],
    ['exportMatrix', { matrix: { kind: 'article' }, format: '../csv' }, 'format a path'],
    ['search', { query: '经济', exactTotal: 'yes' }, 'exactTotal a string'],
    ['search', { query: '经济', limit: 1e9 }, 'limit 1e9'],
    ['search', { query: '经济', offset: 1e12 }, 'offset 1e12'],
    ['wordFrequencies', { ...shown, unit: 5 }, 'an n-gram of 5'],
    ['wordFrequencies', { limit: 1e9 }, 'limit 1e9'],
    ['wordFrequencies', { ...shown, tag: over(maxTagNameLength) }, 'tag over its limit'],
    ['wordFrequencies', { ...shown, articleIds: [Number.NaN] }, 'an article id NaN'],
    ['wordFrequencies', { ...shown, script: '../t' }, 'a script that is a path'],
    ['wordFrequencies', { ...shown, attribute: { name: over(maxAttributeNameLength * 2), value: 'x' } }, 'attribute name over its limit'],
    ['concordance', { ...shown, word: '经济', attribute: { name: 'x', value: over(maxAttributeValueLength * 2) } }, 'attribute value over its limit'],
    ['wordKeyness', { ...shown, subset: { attribute: { name: 'x', value: over(maxAttributeValueLength * 2) } } }, 'attribute value over its limit'],
    ['concordance', { ...shown, word: over(50) }, 'word over its limit'],
    ['concordance', { ...shown, word: '经济', context: 1e9 }, 'context 1e9'],
    ['concordance', { ...shown, word: '经济', sort: 'sideways' }, 'sort no order'],
    ['concordance', { ...shown, word: deep }, 'word a deep object'],
    ['codeConcordanceLines', { spans: [{ paragraphId, start: -1, end: 2 }], tag: 'x' }, 'start -1'],
    ['codeConcordanceLines', { spans: Array.from({ length: 10_001 }, () => ({ paragraphId, start: 0, end: 1 })), tag: 'x' }, '10,001 lines'],
    ['codeConcordanceLines', { spans: [], tag: over(maxTagNameLength) }, 'tag over its limit'],
    ['wordKeyness', { ...shown, subset: { tag: 'x' }, minOccurrences: 0 }, 'minOccurrences 0'],
    ['wordKeyness', { ...shown, subset: deep }, 'subset a deep object'],
    // The page is answered a page of a list: every item, or every line of 的, in a large library is more than one message holds.
    ['wordFrequencies', { unit: 4 }, 'no limit (every 4-gram of the library)'],
    ['wordFrequencies', { limit: maxWordsAnswerRows + 1 }, 'limit one over the answer bound'],
    ['concordance', { word: '的', sort: 'left' }, 'no limit (every line)'],
    ['concordance', { word: '的', limit: maxWordsAnswerRows + 1 }, 'limit one over the answer bound'],
    ['wordKeyness', { subset: { tag: 'x' } }, 'no limit'],
    ['getStopWords', { path: catalog.writePaths[0] }, 'a path'],
    ['listMembers', { path: catalog.writePaths[0] }, 'a path'],
    ['setMyMember', { name: over(maxMemberNameLength * 2), color: '#1c7ed6' }, 'a name over its limit'],
    ['setMyMember', { name: 'Lin', color: 'red' }, 'a colour not offered'],
    ['setMyMember', { name: 'Lin', color: '#1c7ed6', uid: 'someone-else' }, 'another member named'],
    ['setMyMember', { name: deep, color: '#1c7ed6' }, 'name a deep object'],
    // Sync: the page names a server address and a token, never a place on disk; the folder is main's dialog's.
    ['startServerSync', { url: 'file:///etc/passwd' }, 'a file: address'],
    ['startServerSync', { url: catalog.writePaths[0] }, 'a path for an address'],
    ['startServerSync', { url: 'ws+unix:///run/docker.sock:/' }, 'a Unix socket address'],
    ['startServerSync', { url: `wss://h.example/${over(maxSyncUrlLength)}` }, 'an address over its limit'],
    ['startServerSync', { url: 'wss://h.example', token: over(maxSyncTokenLength + 1) }, 'a token over its limit'],
    ['startServerSync', { url: 'wss://h.example', token: 'a\r\nX-Injected: 1' }, 'a token with a line break'],
    ['startServerSync', { url: 'wss://h.example', folder: catalog.writePaths[0] }, 'a folder beside the address'],
    ['chooseSyncFolder', { folder: catalog.writePaths[0] }, 'a folder from the page'],
    ['chooseSyncFolder', catalog.writePaths[0], 'the request is a path'],
    ['resolveSyncConflict', { id: -1, keep: 'mine' }, 'id -1'],
    ['resolveSyncConflict', { id: 1, keep: 'both' }, 'keep neither side'],
    ['resolveSyncConflict', { id: 1, keep: 'mine', value: 'x' }, 'a value of its own'],
    ['stopSync', { path: catalog.writePaths[0] }, 'a path'],
    ['takeSyncChanges', { limit: 1e9 }, 'an argument'],
    ['listAttributes', { path: catalog.writePaths[0] }, 'a path'],
    ['setStopWords', { words: Array.from({ length: 5_001 }, (_, i) => `w${i}`) }, '5,001 stop words'],
    ['setStopWords', { words: [over(40)] }, 'a stop word over its limit'],
    ['getWordsProgress', { path: catalog.writePaths[0] }, 'a path'],
    ['exportWordsCsv', { kind: '../frequencies', request: {} }, 'kind a path'],
  ];
  // Every file main's dialogs alone may name, sent from the page instead: as a field, and as the whole request.
  for (const p of catalog.writePaths) {
    cases.push(
      ['exportVocabulary', { format: 'csv', path: p }, `path = ${p}`],
      ['exportVocabulary', { format: 'anki', file: p }, `file = ${p}`],
      ['exportTermOverrides', { file: p }, `file = ${p}`],
      ['exportQdpx', { file: p }, `file = ${p}`],
      ['exportQdpx', { outDir: p }, `outDir = ${p}`],
      ['exportMatrix', { matrix: { kind: 'article' }, format: 'csv', file: p }, `file = ${p}`],
      ['exportQdc', { file: p }, `file = ${p}`],
      ['exportWordsCsv', { kind: 'frequencies', request: {}, file: p }, `file = ${p}`],
      ['exportWordsCsv', { kind: 'keyness', request: { subset: { tag: 'x' } }, path: p }, `path = ${p}`],
      // The library export's worker opens the library and writes temporaries: both named by main alone.
      ['exportMarkdown', { scope: 'library', outDir: p }, `outDir = ${p}`],
      ['exportMarkdown', { scope: 'library', dbPath: p }, `dbPath = ${p}`],
      ['exportMarkdown', { scope: 'library', share: { dbPath: p } }, `share.dbPath = ${p}`],
      ['exportMarkdown', { scope: 'library', files: [{ article: 1, temporary: p }] }, `a temporary = ${p}`],
      // Placing an unplaced note names an entry and a paragraph, never a file.
      ['placeUnplaced', { articleId: 1, key: 'note/1@00000000000000aa', paragraphId: 1, file: p }, `file = ${p}`],
      ['placeUnplaced', { articleId: 1, key: 'note/1@00000000000000aa', paragraphId: p }, `paragraphId = ${p}`],
    );
  }
  for (const p of catalog.readPaths) {
    cases.push(
      ['importTermOverrides', { path: p }, `path = ${p}`],
      ['importTermOverrides', { file: p }, `file = ${p}`],
      ['importTermOverrides', p, `the request is the path ${p}`],
      ['importQdpx', { file: p }, `file = ${p}`],
      ['importQdc', { file: p }, `file = ${p}`],
      ['importQdc', p, `the request is the path ${p}`],
      ['importAttributes', { file: p }, `file = ${p}`],
      ['importAttributes', p, `the request is the path ${p}`],
    );
  }
  return cases.map(([method, request, how]) => ({ channel: `pizhu:${method}`, request, dialog: 'ok', how: `bound: ${how}` }));
}

describe('the IPC dispatch under fuzzing', () => {
  it(`answers ${total} generated malformed calls with a typed error or a value, and a refused call changes nothing`, async () => {
    const unhandled: string[] = [];
    const failures: string[] = [];
    let server = await start(unhandled);
    const random = seededRandom(seed);
    const calls: FuzzCall[] = [
      ...malformedCalls(methods, schemaOf, server.catalog, random, total),
      ...hostilePathCalls(methods, schemaOf, server.catalog, random, 8),
      ...hostileDroppedNames(methods, server.catalog),
    ];
    const mustRefuse = new Set(boundCalls(server.catalog));
    calls.push(...mustRefuse);
    let answered = 0;
    let refused = 0;
    // Dropped files named like paths are answered (their bytes imported), not merely refused.
    let droppedAccepted = 0;
    let restarts = 0;
    // A channel that hung or blew up twice is not called again, so that the rest still runs (and is checked).
    const broken = new Map<string, number>();
    const skipped = new Map<string, number>();
    for (const [i, call] of calls.entries()) {
      if ((broken.get(call.channel) ?? 0) >= 2) {
        skipped.set(call.channel, (skipped.get(call.channel) ?? 0) + 1);
        continue;
      }
      const reply = await server.ask({ call });
      const where = `#${i} ${show(call.channel)} (${call.how}; dialog ${call.dialog}) ${show(call.request)}`;
      if ('failed' in reply) {
        failures.push(`${where}: ${reply.failed}`);
        broken.set(call.channel, (broken.get(call.channel) ?? 0) + 1);
        server.stop();
        const damage = libraryFileProblem(server.catalog);
        if (damage) failures.push(`the library file after call #${i} and before: ${damage}`);
        if (++restarts > maxRestarts) {
          failures.push(`stopped after ${maxRestarts} restarts, at call ${i} of ${calls.length}`);
          // Stops the test here: it fails, naming every call that failed so far.
          expect(failures, `PIZHU_FUZZ_SEED=${seed}: ${failures.length} failures`).toEqual([]);
        }
        server = await start(unhandled);
        continue;
      }
      answered++;
      const problem = answerProblem(reply.result);
      if (problem) failures.push(`${where}: ${problem}`);
      const result = reply.result as { ok: boolean };
      if (result.ok && call.how.startsWith('a dropped file named')) droppedAccepted++;
      if (mustRefuse.has(call) && (reply.result as { error?: { code?: string } }).error?.code !== 'invalid-argument') {
        failures.push(`${where}: answered ${show(reply.result)}, not refused as invalid-argument`);
      }
      if (result.ok === false) {
        refused++;
        // The export folder the person picked in main's dialog is kept even when the export then
        // fails (a preference, not the library); a folder main refused must not be kept.
        const changed = reply.changed
          ?.split(', ')
          .filter((what) => !(what === 'file export-folder.json' && call.dialog === 'ok'));
        if (changed?.length) failures.push(`${where}: refused (${show(reply.result)}) but changed ${changed.join(', ')}`);
      }
      if (JSON.stringify(reply.result)?.includes('PIZHU-SECRET')) failures.push(`${where}: the answer echoes a file's contents`);
    }
    if (droppedAccepted === 0) failures.push('no dropped file named like a path was imported: the hostile names were never tried');
    for (const [channel, n] of skipped) failures.push(`${n} more calls to ${channel} not made: it failed twice`);
    const end = await server.ask({ finish: true });
    server.stop();
    const damage = libraryFileProblem(server.catalog);
    if (damage) failures.push(`the library file at the end: ${damage}`);
    if ('failed' in end) failures.push(`the final check did not answer: ${end.failed}`);
    else {
      const { integrity, verified } = end as unknown as { integrity: unknown; verified: LibraryCheck };
      if (integrity !== 'ok / ok') failures.push(`integrity_check after the run: ${show(integrity)}`);
      if (!verified.ok) failures.push(`the content hashes do not verify: ${show(verified)}`);
    }
    for (const u of unhandled) failures.push(`an unhandled rejection or exception in main: ${show(u)}`);
    expect(failures, `PIZHU_FUZZ_SEED=${seed}: ${failures.length} failures`).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(1_000);
    // Most calls must be refused by the checks, not only by luck of the generator.
    expect(refused).toBeGreaterThan(answered / 2);
  }, 240_000);
});

