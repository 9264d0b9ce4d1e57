import { Connection, Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { LibraryError } from '../../libraryError';
import { memberForToken } from './members';
import { openServerStore, type ServerStore } from './serverStore';
import { checkIncoming, defaultMaxMessageBytes, Refused, refusalLine } from './incomingCheck';
import {
  changedNotice,
  listDocumentsRequest,
  onlineList,
  parseAuthPayload,
  syncModelVersion,
  whoIsOnlineRequest,
  type DocumentList,
  type Refusal,
} from './syncProtocol';

export interface SyncServerOptions {
  /** Where the server keeps its database (created when missing). */
  dataDir: string;
  /** The interface to listen on; 127.0.0.1 unless given (a group's server sits behind a TLS reverse proxy). */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** The sync model this server speaks (syncModelVersion unless given: tests pose as another Pizhu). */
  syncModel?: number;
  /** The largest message a device may send, in bytes (100 MiB unless given); a larger update is refused by name. */
  maxMessageBytes?: number;
}

export interface RunningSyncServer {
  /** ws://host:port, the address clients sync with. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Documents loaded in memory now (those some device has open). */
  documentsOpen(): number;
  /** Closes every connection, stores every open document and closes the database. */
  close(): Promise<void>;
}

/**
 * The documents a library has ('library', 'article/<uid>', 'text/<SHA-256>', and a later version
 * of an article's text 'text/<uid>/<SHA-256>'): any other name is refused before the server loads
 * or stores anything under it.
 */
const documentName = /^(?:library|article\/[\w-]{1,128}|text\/[0-9a-f]{64}(?:\/[0-9a-f]{64})?)$/;

/** Origin of the stored updates applied when a document loads, so they are not appended again. */
const loadOrigin = Symbol('pizhu-sync-load');

/**
 * Persistence and membership for Hocuspocus. Each update is appended to SQLite in the Yjs update
 * event, which runs before Hocuspocus acknowledges the update to its sender: an acknowledged change
 * survives a crash. Storing a document (debounced by Hocuspocus, and on unload) compacts its rows.
 */
function pizhuExtension(store: ServerStore, model: number, maxMessageBytes: number): Extension {
  return {
    extensionName: 'PizhuSync',
    // Hocuspocus sends a rejection's `reason` to the device as it refuses it, before any sync message is handled.
    onAuthenticate({ token: sent, documentName: name, connectionConfig }) {
      const refuse = (refusal: Refusal) => {
        // Hocuspocus logs nothing of a refused authentication but its message, which a Refused has not.
        console.error(refusalLine(name, refusal));
        return Promise.reject(new Refused(name, refusal));
      };
      const { token, model: theirs } = parseAuthPayload(sent);
      // First: another version's token or document names may not be this one's.
      if (theirs !== model) {
        const update = theirs < model ? 'that device' : 'this server';
        return refuse({
          kind: 'model',
          server: model,
          message: `This sync server speaks sync model ${model} and the device sync model ${theirs}: update Pizhu on ${update}. Nothing was exchanged.`,
        });
      }
      if (!documentName.test(name)) {
        return refuse({ kind: 'document', message: `No Pizhu library has a document named "${name.slice(0, 200)}".` });
      }
      const member = memberForToken(store.db, token);
      if (!member) return refuse({ kind: 'token', message: 'This token is not a member of this server.' });
      // Hocuspocus refuses a read-only connection's updates and answers them "not applied".
      connectionConfig.readOnly = member.readOnly;
      return Promise.resolve({ member: member.name });
    },
    onLoadDocument({ document, documentName: name, instance }) {
      Y.transact(
        document,
        () => {
          for (const update of store.loadUpdates(name)) Y.applyUpdate(document, update, loadOrigin);
        },
        loadOrigin,
      );
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === loadOrigin) return;
        store.appendUpdate(name, update);
        // Devices connected with the document closed hear of the change on the library document
        // (those with it open have the update already).
        if (name === 'library') return;
        const sender = origin instanceof Connection ? origin.socketId : undefined;
        instance.documents.get('library')?.broadcastStateless(changedNotice(name), (connection) => {
          return (
            connection.socketId !== sender &&
            !document.getConnections().some((open) => open.socketId === connection.socketId)
          );
        });
      });
      return Promise.resolve();
    },
    // Before Hocuspocus applies a device's update: a malformed or oversized one, or an article text
    // that is not its name's (or changes one already complete), closes that document's connection
    // with the reason, and nothing of it is applied or stored.
    beforeHandleMessage({ update: message, document, documentName: name }) {
      const refusal = checkIncoming(name, document, message, maxMessageBytes);
      // Hocuspocus logs the rejection where it closes the connection: one line (Refused).
      return refusal ? Promise.reject(new Refused(name, refusal)) : Promise.resolve();
    },
    onStoreDocument({ document, documentName: name }) {
      store.compact(name, document);
      return Promise.resolve();
    },
    onStateless({ payload, connection, document }) {
      if (payload === whoIsOnlineRequest) {
        // Every device syncing keeps the library document open: its connections are who is online.
        const members = document.getConnections().map((open) => (open.context as { member?: unknown }).member);
        connection.sendStateless(onlineList(members.filter((m): m is string => typeof m === 'string')));
      }
      if (payload === listDocumentsRequest) {
        const digests = store.documentDigests();
        const list: DocumentList = {
          type: 'pizhu:documents',
          names: [...digests.keys()],
          digests: Object.fromEntries(digests),
        };
        connection.sendStateless(JSON.stringify(list));
      }
      return Promise.resolve();
    },
  };
}

/**
 * Hocuspocus's defaults, and a guid given: Yjs draws a random one from the CSPRNG a character at a
 * time for every document loaded (a third of a sync's time); no document here is a subdocument.
 */
const yDocOptions = { gc: true, gcFilter: () => true, guid: 'pizhu-sync' };

/** Starts a sync server on its data directory; resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const store = openServerStore(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const maxMessageBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
  const server = new Server(
    {
      name: 'pizhu',
      address: host,
      port: options.port,
      quiet: true,
      // The CLI stops the server itself, so that it can close the database after the last store.
      stopOnSignals: false,
      extensions: [pizhuExtension(store, options.syncModel ?? syncModelVersion, maxMessageBytes)],
      yDocOptions,
    },
    // A frame well over the limit is cut by ws itself (the socket closes) rather than read into memory.
    { maxPayload: maxMessageBytes + 1024 * 1024 },
  );
  try {
    // Not server.listen(): it hands Node `address`, which http ignores (the server listened on every
    // interface, not 127.0.0.1), and never settles when the port is taken.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.httpServer.listen({ host, port: options.port }, () => {
        server.httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? 'another program listens there'
        : code === 'EACCES'
          ? 'a port below 1024 needs the administrator'
          : code === 'EADDRNOTAVAIL'
            ? 'this computer has no such address'
            : (code ?? String(error));
    throw new LibraryError(
      'io-failed',
      `The sync server cannot listen on ${host} port ${options.port}: ${reason}.`,
      code,
    );
  }
  const port = server.address.port;
  let closing: Promise<void> | undefined;
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    documentsOpen: () => server.hocuspocus.getDocumentsCount(),
    close: () => {
      closing ??= (async () => {
        await server.destroy();
        // Hocuspocus closes its documents but leaves the sockets open (ws's close keeps them):
        // devices would stay connected to a server that no longer answers, and not reconnect.
        for (const socket of server.webSocketServer.clients) socket.terminate();
        store.close();
      })();
      return closing;
    },
  };
}
