/**
 * Generates hostile IPC calls for the fuzz test (test/wiring/ipcFuzz.test.ts) from the contract
 * itself: each method's request schema (main/app/requestSchemas.ts, as JSON Schema) gives a valid
 * request, which is then broken in one to three ways: wrong types, missing and extra fields,
 * out-of-range and non-integer ids, ids of other kinds of rows, prototype keys, deep nesting,
 * lone surrogates, NUL, huge strings, hostile paths and tag names. A method added to the
 * contract is fuzzed without a change here.
 */
import path from 'node:path';
import type { Random } from '../unit/main/library/import/noisyText';

/** What the fuzz server's library holds, so that ids can be real, of the wrong kind, or missing. */
export interface Catalog {
  articles: number[];
  paragraphs: number[];
  highlights: number[];
  tags: string[];
  /** The test's own folder: every path that could be written to lies inside it. */
  sandbox: string;
  /** Paths that are hostile to read (the library's own file, a FIFO, /dev/zero, a symlink loop…). */
  readPaths: string[];
  /** Paths that are hostile to write, all inside the sandbox (the library's own file, its backups folder…). */
  writePaths: string[];
}

/** The part of JSON Schema that zod's toJSONSchema writes for the request schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
}

export interface FuzzCall {
  channel: string;
  request: unknown;
  /** What the dialogs main opens answer during this call. */
  dialog: 'cancel' | 'ok' | 'hostile';
  /** How the call was made, for failure messages. */
  how: string;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const hostileStrings = [
  '',
  ' ',
  '\t\n ',
  '\u3000',
  '\0',
  'a\0b',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  '\u202eevil\u202c',
  '.',
  '..',
  '/',
  '//',
  '\\',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  '%s%n',
  '${process.exit()}',
  "'; DROP TABLE article; --",
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '==高亮==',
  '#标签',
  '---\ntitle: x\n---',
  '中文/\u0000/tag',
  '😀'.repeat(40),
  'a/',
  '/a',
  'a//b',
  ' a / b ',
];

const hostileNumbers = [
  0,
  -1,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  999_999,
];

/** Something of a type no field of the contract has, or a shape meant to break a parser. */
function hostileValue(random: Random): unknown {
  switch (Math.floor(random() * 14)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick(random, hostileNumbers);
    case 3:
      return pick(random, hostileStrings);
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return pick(random, [true, false]);
    case 7:
      return deepObject(random, 200 + Math.floor(random() * 2_000));
    case 8:
      return deepArray(200 + Math.floor(random() * 2_000));
    case 9:
      // An own "__proto__" key, as JSON.parse (and structured clone) make it.
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    case 10:
      return new Date(0);
    case 11:
      return new Map([['articleId', 1]]);
    case 12:
      return 'x'.repeat(pick(random, [5_000, 70_000, 1_100_000]));
    default:
      return Array.from({ length: 10_000 }, (_, i) => i);
  }
}

/**
 * Deep nesting travels as a marker the fuzz server expands (expandDeep): Node's own IPC
 * deserializer overflows its stack on a 2,000-deep value before the app's code is reached.
 */
const deepMarker = '__pizhuFuzzDeep';

function deepObject(random: Random, depth: number): unknown {
  return { [deepMarker]: 'object', depth, leaf: pick(random, [1, 'x', null]) };
}

function deepArray(depth: number): unknown {
  return { [deepMarker]: 'array', depth, leaf: [] };
}

/** The request with every deep-nesting marker replaced by the nested value it stands for. */
export function expandDeep(value: unknown, level = 0): unknown {
  if (typeof value !== 'object' || value === null || level > 8) return value;
  if (Array.isArray(value)) return value.map((v) => expandDeep(v, level + 1));
  const marker = value as { [deepMarker]?: 'object' | 'array'; depth?: number; leaf?: unknown };
  if (marker[deepMarker]) {
    let nested = marker.leaf;
    for (let i = 0; i < (marker.depth ?? 0); i++) nested = marker[deepMarker] === 'array' ? [nested] : { a: nested };
    return nested;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // a Map, a Date: as sent
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: expandDeep(v, level + 1), enumerable: true, configurable: true, writable: true });
  }
  return out;
}

const isPathField = (name: string) => /file|dir|path|folder/i.test(name);
const isTagField = (name: string) => /^(tag|from|to|into|name|withinTag)$/.test(name);

/** Paths for a field: any hostile path where the method only reads, only paths inside the sandbox where it may write. */
function pathFor(method: string, catalog: Catalog, random: Random): string {
  return pick(random, method.startsWith('import') ? [...catalog.readPaths, ...catalog.writePaths] : catalog.writePaths);
}

/** A string that may reach the disk as a path is kept inside the sandbox, whatever the mutation made of it. */
function confine(value: unknown, method: string, catalog: Catalog): unknown {
  if (typeof value !== 'string' || method.startsWith('import') || !path.isAbsolute(value)) return value;
  const resolved = path.resolve(value);
  return resolved.startsWith(catalog.sandbox + path.sep) ? value : path.join(catalog.sandbox, 'confined');
}

function intFor(field: string, schema: JsonSchema, catalog: Catalog, random: Random): number {
  if (/article/i.test(field)) return pick(random, catalog.articles);
  if (/paragraphId/.test(field)) return pick(random, catalog.paragraphs);
  if (/highlight/i.test(field)) return pick(random, catalog.highlights);
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  return min + Math.floor(random() * 6);
}

/** A request the schema accepts, with real ids from the catalog. */
export function validValue(schema: JsonSchema, field: string, method: string, catalog: Catalog, random: Random): unknown {
  if (schema.anyOf) return validValue(pick(random, schema.anyOf), field, method, catalog, random);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(random, schema.enum);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random() < 0.5) out[key] = validValue(sub, key, method, catalog, random);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.floor(random() * 3) }, () =>
        validValue(schema.items ?? {}, field, method, catalog, random),
      );
    case 'integer':
    case 'number':
      return intFor(field, schema, catalog, random);
    case 'boolean':
      return random() < 0.5;
    case 'string':
      if (schema.pattern) return '2024-01-02';
      if (isPathField(field)) return pathFor(method, catalog, random);
      if (isTagField(field) || /tags/.test(field)) return pick(random, [...catalog.tags, 'fuzz', 'fuzz/深']);
      if (field === 'editorState') return '{"root":{"children":[],"direction":null,"format":"","indent":0,"type":"root","version":1}}';
      if (field === 'query') return pick(random, ['的', '中国', 'zhong', '"一"']);
      return pick(random, ['标题', 'fuzz text 批注', 'x']);
    default:
      return undefined; // a method without arguments
  }
}

/** Values that pass the schema but mean trouble: tag names that are paths, ids of other kinds of rows, hostile text. */
function hostileButValid(schema: JsonSchema, field: string, catalog: Catalog, random: Random): unknown {
  if (schema.type === 'integer') {
    const other = pick(random, [catalog.articles, catalog.paragraphs, catalog.highlights]);
    return pick(random, [...other, 999_999, Number.MAX_SAFE_INTEGER, 1, schema.maximum ?? 1]);
  }
  if (schema.type === 'string' && !schema.enum && !schema.pattern) {
    if (field === 'editorState') return pick(random, ['', '{}', 'null', '[]', '{"root":null}', 'not json', '"x"']);
    const candidates = hostileStrings.filter(
      (s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity),
    );
    return pick(random, candidates.length > 0 ? candidates : ['x']);
  }
  return undefined;
}

function fieldsOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  return Object.entries(schema.properties ?? {});
}

/** One to three breakages of a valid request. */
function mutate(request: unknown, schema: JsonSchema, method: string, catalog: Catalog, random: Random): [unknown, string] {
  const kind = Math.floor(random() * 9);
  const fields = fieldsOf(schema);
  if (kind === 0 || fields.length === 0 || typeof request !== 'object' || request === null) {
    const whole = kind === 0 && random() < 0.3 ? [request] : hostileValue(random);
    return [whole, 'whole request replaced'];
  }
  const out = { ...(request as Record<string, unknown>) };
  const [field, sub] = pick(random, fields);
  switch (kind) {
    case 1:
      delete out[field];
      return [out, `${field} removed`];
    case 2:
      out[field] = confine(hostileValue(random), method, catalog);
      return [out, `${field} wrong type`];
    case 3:
      out[field] = pick(random, hostileNumbers);
      return [out, `${field} bad number`];
    case 4:
      out[field] = confine(pick(random, hostileStrings), method, catalog);
      return [out, `${field} hostile string`];
    case 5: {
      const key = pick(random, ['__proto__', 'constructor', 'extra', 'outDir', 'file', 'toString', 'then']);
      const value = key === 'outDir' || key === 'file' ? pathFor('export', catalog, random) : hostileValue(random);
      Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
      return [out, `extra field ${key}`];
    }
    case 6:
      // One past the limit (20 MB at most, in the contract today): refused before anything is stored.
      out[field] = sub.maxLength !== undefined && sub.maxLength < 32 * 1024 * 1024 ? 'x'.repeat(sub.maxLength + 1) : 'y'.repeat(3_000);
      return [out, `${field} too long`];
    case 7: {
      const value = hostileButValid(sub, field, catalog, random);
      if (value !== undefined) out[field] = value;
      return [out, `${field} valid but hostile`];
    }
    default:
      if (sub.type === 'object') {
        const [inner, how] = mutate(out[field], sub, method, catalog, random);
        out[field] = inner;
        return [out, `${field}.${how}`];
      }
      out[field] = pick(random, [[out[field]], { value: out[field] }, String(out[field])]);
      return [out, `${field} wrapped`];
  }
}

const unknownChannels = (random: Random): string =>
  pick(random, [
    'pizhu:',
    'pizhu:__proto__',
    'pizhu:constructor',
    'pizhu:toString',
    'pizhu:hasOwnProperty',
    'PIZHU:listArticles',
    'pizhu:listArticles ',
    ' pizhu:listArticles',
    'pizhu:listarticles',
    'pizhu:dropTables',
    'pizhu:\0',
    'pizhu:\ud800',
    'listArticles',
    '',
    `pizhu:${'x'.repeat(100_000)}`,
    'x'.repeat(1_000_000),
  ]);

/**
 * `count` calls: about 5% unknown channels, 10% valid calls (so that later calls meet a library
 * that changed), 25% that pass the schema with hostile values, the rest broken valid requests.
 * The same seed gives the same calls.
 */
export function malformedCalls(
  methods: readonly string[],
  schemaOf: (method: string) => JsonSchema,
  catalog: Catalog,
  random: Random,
  count: number,
): FuzzCall[] {
  const calls: FuzzCall[] = [];
  for (let i = 0; i < count; i++) {
    const dialog = pick(random, ['cancel', 'ok', 'hostile'] as const);
    const roll = random();
    if (roll < 0.05) {
      calls.push({ channel: unknownChannels(random), request: hostileValue(random), dialog, how: 'unknown channel' });
      continue;
    }
    const method = pick(random, methods);
    const schema = schemaOf(method);
    const valid = validValue(schema, '', method, catalog, random);
    if (roll < 0.15) {
      calls.push({ channel: `pizhu:${method}`, request: valid, dialog, how: 'valid' });
      continue;
    }
    if (roll < 0.4 && typeof valid === 'object' && valid !== null) {
      // Passes the schema, so the handler itself meets it: ids of other rows, path-like tags, odd note states.
      const request = { ...(valid as Record<string, unknown>) };
      const changed: string[] = [];
      for (const [field, sub] of fieldsOf(schema)) {
        const value = random() < 0.6 ? hostileButValid(sub, field, catalog, random) : undefined;
        if (value === undefined) continue;
        request[field] = value;
        changed.push(field);
      }
      calls.push({ channel: `pizhu:${method}`, request, dialog, how: `valid but hostile ${changed.join(', ')}` });
      continue;
    }
    let request = valid;
    const hows: string[] = [];
    for (let n = 1 + Math.floor(random() * 3), k = 0; k < n; k++) {
      const [next, how] = mutate(request, schema, method, catalog, random);
      request = next;
      hows.push(how);
    }
    calls.push({ channel: `pizhu:${method}`, request, dialog, how: hows.join('; ') });
  }
  return calls;
}

/**
 * Every hostile path once where a method takes one: in each path field of the request (while
 * the contract has any) and as each answer of main's dialogs. Valid otherwise, so that only the
 * path can be refused.
 */
export function hostilePathCalls(
  methods: readonly string[],
  schemaOf: (method: string) => JsonSchema,
  catalog: Catalog,
  random: Random,
  dialogAnswers: number,
): FuzzCall[] {
  const calls: FuzzCall[] = [];
  for (const method of methods.filter((m) => /import|export|backup|choose/i.test(m))) {
    const schema = schemaOf(method);
    const channel = `pizhu:${method}`;
    for (let turn = 0; turn < dialogAnswers; turn++) {
      calls.push({ channel, request: validValue(schema, '', method, catalog, random), dialog: 'hostile', how: `hostile dialog answer ${turn}` });
    }
    for (const [field] of fieldsOf(schema).filter(([name]) => isPathField(name))) {
      const paths = method.startsWith('import') ? [...catalog.readPaths, ...catalog.writePaths] : catalog.writePaths;
      for (const p of paths) {
        const request = { ...(validValue(schema, '', method, catalog, random) as Record<string, unknown>), [field]: p };
        calls.push({ channel, request, dialog: 'ok', how: `${field} = ${p}` });
      }
    }
  }
  return calls;
}

/**
 * Dropped files name paths on disk (the read paths, /proc/self/mem, a FIFO, ../ escapes): a name is
 * only a label, so main must import the bytes sent, or refuse, and never open the path (a hang,
 * or the secret's text in an answer, fails the run). A file sent without its bytes (over the
 * size limit) must not make main go and read it either.
 */
export function hostileDroppedNames(methods: readonly string[], catalog: Catalog): FuzzCall[] {
  if (!methods.includes('importDropped')) return [];
  const story = new TextEncoder().encode('拖放的文件名只是标签。\n\n主进程只读取页面送来的字节，从不打开这个路径。');
  const names = [...catalog.readPaths, ...catalog.readPaths.map((p) => `../../..${p}`), `..${path.sep}..${path.sep}secret.json`];
  const calls: FuzzCall[] = [];
  for (const name of names) {
    calls.push({
      channel: 'pizhu:importDropped',
      request: { files: [{ name, bytes: story, size: story.byteLength }] },
      dialog: 'ok',
      how: `a dropped file named ${name}`,
    });
    calls.push({
      channel: 'pizhu:importDropped',
      request: { files: [{ name, bytes: null, size: 10 }] },
      dialog: 'ok',
      how: `a dropped file named ${name}, sent without its bytes`,
    });
  }
  return calls;
}
