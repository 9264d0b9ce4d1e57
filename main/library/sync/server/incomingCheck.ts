import { inspect } from 'node:util';
import { IncomingMessage, MessageType, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { readTextUpdate, sameText, textMatchesUid, textUidOf } from '../text/articleText';
import { refusalReason, type Refusal } from './syncProtocol';

/**
 * The largest message a device may send: ws's own default, the server's limit before this check
 * named the refusal. A first sync sends a document whole, and the library document of a very large
 * library (its articles' details) runs to tens of MB; an article text is at most 1.5 times the
 * largest file an import takes (20 MB) as UTF-8.
 */
export const defaultMaxMessageBytes = 100 * 1024 * 1024;

/** y-protocols' sync message types: SyncStep2 and Update carry an update to apply. */
const syncStep2 = 1;
const syncUpdate = 2;

/**
 * A refusal as Hocuspocus passes it on: its `reason` goes to the device (authentication, or the
 * close of a document). It has no message: Hocuspocus logs a rejecting hook's message once per
 * extension, then the whole error with its stack where it closes the connection, a dozen lines
 * for each refused message. It is logged as one line (refusalLine) instead, where Hocuspocus
 * logs it whole; a refused authentication, which Hocuspocus logs by message only, the server logs.
 */
export class Refused extends Error {
  /** Hocuspocus's close code for Forbidden, so the device's socket stays open for its other documents. */
  readonly code = 4403;
  readonly reason: string;
  constructor(
    readonly documentName: string,
    readonly refusal: Refusal,
  ) {
    super('');
    this.name = 'Refused';
    this.reason = refusalReason(refusal);
  }

  [inspect.custom](): string {
    return refusalLine(this.documentName, this.refusal);
  }
}

/**
 * A refusal as the server's log says it: one line, its reason code and the document's name first.
 * The name and message carry what a device sent: no control character of theirs reaches the log.
 */
export function refusalLine(name: string, refusal: Refusal): string {
  const [code] = refusalReason(refusal).split(' ', 1);
  const said = refusal.message.replace(/\s+/g, ' ');
  const line = `refused ${code} ${JSON.stringify(name.slice(0, 200))}: ${said.length > 300 ? `${said.slice(0, 300)}…` : said}`;
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/**
 * Why the server must not apply a message a device sent for a document, or undefined when it may.
 * Refused: a message over the size limit; an awareness or broadcast message (relayed to every
 * device as it is); a sync update that does not decode; for an article text
 * ('text/<uid>', written once and never changed) an update that makes it a text whose bytes do
 * not hash to its uid, or that changes what a text already held reads. Every device checks a text
 * as it receives it, but a text the server kept would be refused by all of them, every sync.
 */
export function checkIncoming(
  name: string,
  document: Document,
  message: Uint8Array,
  maxMessageBytes: number,
): Refusal | undefined {
  if (message.length > maxMessageBytes) {
    return {
      kind: 'update',
      message: `An update of "${name}" of ${megabytes(message.length)} is over this server's limit of ${megabytes(maxMessageBytes)}; nothing of it was stored.`,
    };
  }
  let update: Uint8Array;
  try {
    const incoming = new IncomingMessage(message);
    incoming.readVarString();
    const type: MessageType = incoming.readVarUint();
    // Hocuspocus would pass these on to every device with the document open, read-only members' too:
    // Pizhu uses neither, and a forged notice or document list could make the others skip changes.
    if (type === MessageType.BroadcastStateless || type === MessageType.Awareness) {
      return {
        kind: 'update',
        message: `Pizhu passes no ${type === MessageType.Awareness ? 'awareness' : 'broadcast'} messages between devices ("${name}"); it was not sent on.`,
      };
    }
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return undefined;
    const syncType = incoming.readVarUint();
    if (syncType !== syncStep2 && syncType !== syncUpdate) return undefined;
    update = incoming.readVarUint8Array();
    // Hocuspocus would apply it as far as it reads, then fail: decoded whole first, nothing applied when it fails.
    Y.decodeUpdate(update);
  } catch (error) {
    return {
      kind: 'update',
      message: `An update of "${name}" could not be read (${error instanceof Error ? error.message : String(error)}); nothing of it was stored.`,
    };
  }
  const uid = textUidOf(name);
  return uid === undefined ? undefined : checkText(name, uid, document, update);
}

function checkText(name: string, uid: string, document: Y.Doc, update: Uint8Array): Refusal | undefined {
  const state = Y.encodeStateAsUpdate(document);
  const held = readTextUpdate(name, state);
  if (held !== undefined) {
    // Written once: what the server holds already is the whole text, and any change of it is refused.
    if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return undefined;
    // A copy of the same text under other Yjs ids (it reads the same, no other field) changes nothing
    // a device reads: taken, so that whoever sent the text first cannot lock the others out of syncing.
    const merged = readTextUpdate(name, Y.mergeUpdates([state, update]));
    if (!('refused' in held) && merged !== undefined && !('refused' in merged) && sameText(held, merged)) {
      return undefined;
    }
    return {
      kind: 'update',
      message: `"${name}" is an article text, which never changes once sent; this change of it was refused and nothing was stored.`,
    };
  }
  const text = readTextUpdate(name, Y.mergeUpdates([state, update]));
  if (text === undefined) return undefined;
  if ('refused' in text) return { kind: 'update', message: `${text.refused}; nothing of it was stored.` };
  if (!textMatchesUid(uid, text)) {
    return {
      kind: 'update',
      message: `The text sent for "${name}" does not hash to its name (SHA-256); it was refused and nothing was stored.`,
    };
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
