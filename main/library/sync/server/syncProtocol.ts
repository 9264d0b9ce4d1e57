import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/**
 * Pizhu's stateless messages on top of Hocuspocus, shared by the server and the client: a new
 * device learns which documents the server holds (it has none of them yet to ask about), and any
 * device which of its documents are already as the server has them, so that it opens only the others.
 */
export const listDocumentsRequest = '{"type":"pizhu:listDocuments"}';

export interface DocumentList {
  type: 'pizhu:documents';
  names: string[];
  /** name -> stateDigest of the server's document. */
  digests: Record<string, string>;
}

/** Asks the server which members have the library document open now (the Sync pane's "who is online"). */
export const whoIsOnlineRequest = '{"type":"pizhu:whoIsOnline"}';

/** The server's answer to whoIsOnlineRequest: member names, each once, sorted. */
export function onlineList(members: readonly string[]): string {
  return JSON.stringify({ type: 'pizhu:online', members: [...new Set(members)].sort() });
}

/** The members an onlineList names, or undefined for any other payload. */
export function parseOnlineList(payload: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, members } = value as { type?: unknown; members?: unknown };
    if (type !== 'pizhu:online' || !Array.isArray(members)) return undefined;
    return members.every((m): m is string => typeof m === 'string') ? members : undefined;
  } catch {
    return undefined;
  }
}

/** Sent on the library document to every other device when a document changes, so they fetch it though it is closed. */
export function changedNotice(name: string): string {
  return JSON.stringify({ type: 'pizhu:changed', name });
}

/** The document a changedNotice names, or undefined for any other payload. */
export function parseChangedNotice(payload: string): string | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, name } = value as { type?: unknown; name?: unknown };
    return type === 'pizhu:changed' && typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A digest of a document's whole Yjs state: its snapshot (state vector and delete set, both
 * written in a canonical order), so two sides with the same updates have the same digest.
 */
export function stateDigest(doc: Y.Doc): string {
  return createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('hex')
    .slice(0, 32);
}

/** The server's answer to listDocumentsRequest, or undefined for any other stateless payload. */
export function parseDocumentList(payload: string): DocumentList | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, names, digests } = value as { type?: unknown; names?: unknown; digests?: unknown };
  if (type !== 'pizhu:documents' || !Array.isArray(names) || typeof digests !== 'object' || digests === null)
    return undefined;
  if (!names.every((name): name is string => typeof name === 'string')) return undefined;
  const entries = Object.entries(digests);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return undefined;
  return { type, names, digests: Object.fromEntries(entries) };
}

/**
 * The version of what the documents hold (model/docShape, text/articleText) and of the messages
 * here. A device and a server of different versions would misread each other's documents, so the
 * server refuses the other version at authentication, before any document is exchanged. Raise it
 * with any change an older Pizhu would misread.
 */
export const syncModelVersion = 4;
// 2: paragraph notes and memos are rich text (model/richNoteText); a Pizhu of model 1 would read only their words from before.
// 3: an article's text has versions (text/<uid>/<hash>, the library document's article field `text`); a Pizhu of model 2
//    would place another device's re-anchored annotations in the text before.
// 4: a paragraph's note, tags and kind are keyed by a place in one split of the text (model/paragraphPlaces: `<ord>@<split>`,
//    the article document's `carried` maps, the library's `split` and `ords`); a Pizhu of model 3 would not see those
//    written after a re-import or a re-clean by another cleaner, and would put its own at positions of another split.

/** A Pizhu from before the handshake sent its member token alone; it spoke model 1. */
const unversionedModel = 1;

/**
 * What a device sends as its Hocuspocus token: the member's token and the sync model it speaks,
 * so that onAuthenticate refuses another version with a reason that says which side to update.
 */
export function authPayload(token: string, model: number = syncModelVersion): string {
  return JSON.stringify({ type: 'pizhu:auth', model, token });
}

/** The token and sync model of what a device sent as its token (a bare token: a Pizhu from before the handshake). */
export function parseAuthPayload(raw: string): { token: string; model: number } {
  if (!raw.startsWith('{')) return { token: raw, model: unversionedModel };
  try {
    const value: unknown = JSON.parse(raw);
    const { type, model, token } = (value ?? {}) as { type?: unknown; model?: unknown; token?: unknown };
    if (type === 'pizhu:auth' && Number.isSafeInteger(model) && typeof token === 'string') {
      return { token, model: model as number };
    }
  } catch {
    // Not a token any Pizhu sent: refused as an unknown token.
  }
  return { token: '', model: syncModelVersion };
}

/**
 * Why the server refused a device, as Hocuspocus carries it: the reason of a permission-denied
 * answer (authentication) or of the close of one document's connection (a refused update). Sent as
 * `pizhu:<kind>[:<server's model>] <sentence>`, so an older Pizhu, which shows the reason as it
 * comes, still shows the sentence.
 */
export type Refusal =
  | { kind: 'token'; message: string }
  | { kind: 'model'; server: number; message: string }
  | { kind: 'document'; message: string }
  | { kind: 'update'; message: string };

const refusalKinds = ['token', 'model', 'document', 'update'] as const;

export function refusalReason(refusal: Refusal): string {
  const version = refusal.kind === 'model' ? `:${refusal.server}` : '';
  return `pizhu:${refusal.kind}${version} ${refusal.message}`;
}

/** The refusal a reason carries, or undefined for any other reason (a closed socket, Hocuspocus's own). */
export function parseRefusal(reason: string): Refusal | undefined {
  const match = /^pizhu:([a-z]+)(?::(\d+))? ([\s\S]*)$/.exec(reason);
  if (!match) return undefined;
  const [, kind, server, message = ''] = match;
  if (!refusalKinds.includes(kind as (typeof refusalKinds)[number])) return undefined;
  if (kind === 'model') return server === undefined ? undefined : { kind, server: Number(server), message };
  return { kind: kind as Exclude<Refusal['kind'], 'model'>, message };
}
