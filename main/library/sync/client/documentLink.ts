import { HocuspocusProvider, MessageType, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { authPayload, parseRefusal } from '../server/syncProtocol';
import type { SyncEndpoint } from '../syncEndpoint';
import type { BatchedApply } from './batchedApply';

/** Origin of what the endpoint gives the mirror, so it is sent to the server and not applied back. */
const fromEndpoint = Symbol('pizhu-endpoint');

/**
 * The server refused the device (its reason: at authentication, or closing the document over an
 * update it would not take), or the endpoint refused what the server sent (its error).
 */
export type LinkFailure = { kind: 'refused'; reason: string } | { kind: 'rejected'; error: unknown };

/**
 * One document of an endpoint kept in step with the server over the shared socket. The provider
 * needs a Y.Doc, so the link holds a mirror of the document for as long as it is open: what the
 * server sends is applied to the endpoint, what the endpoint changes is sent to the server.
 */
export class DocumentLink {
  readonly mirror: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Updates the server answered "not applied" (a read-only member's): never pending once answered. */
  private refused = 0;
  private failure: LinkFailure | undefined;
  private readonly waiters = new Set<() => void>();
  /** Updates from the server handed to the batch and not yet applied by the endpoint. */
  private applying = 0;

  constructor(
    readonly name: string,
    private readonly endpoint: SyncEndpoint,
    socket: HocuspocusProviderWebsocket,
    token: string,
    /** Gathers the server's updates of many links into one transaction of the endpoint; each applied alone when absent. */
    batch?: BatchedApply,
    /** The sync model this side speaks (this Pizhu's unless given: tests pose as another). */
    syncModel?: number,
  ) {
    // A guid given: Yjs draws a random one from the CSPRNG a character at a time, a third of a
    // 1,000-document sync's time; these documents are never subdocuments, so their name serves.
    this.mirror = new Y.Doc({ gc: false, guid: name });
    Y.applyUpdate(this.mirror, endpoint.diff(name), fromEndpoint);
    this.mirror.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === fromEndpoint) return;
      if (batch) {
        this.applying += 1;
        batch.add(name, update, (refusal) => {
          this.applying -= 1;
          if (refusal !== undefined) this.failure ??= { kind: 'rejected', error: refusal };
          this.notify();
        });
        return;
      }
      // Thrown here it would reach the socket's message handler; the sync reports it instead.
      try {
        endpoint.apply(name, update);
      } catch (error) {
        this.failure = { kind: 'rejected', error };
        queueMicrotask(() => this.notify());
      }
    });
    this.provider = new HocuspocusProvider({
      name,
      document: this.mirror,
      websocketProvider: socket,
      // The member's token with the sync model, so that a server of another version refuses before any sync.
      token: authPayload(token, syncModel),
      awareness: null,
      // Each (re)connection syncs afresh, with its own answers.
      onOpen: () => {
        this.refused = 0;
      },
      onAuthenticationFailed: ({ reason }) => {
        this.failure = { kind: 'refused', reason };
        this.notify();
      },
      // The server closed this document over an update it refused (its reason a Pizhu refusal); a
      // dropped socket closes every document too, and is the sync's to notice, not a refusal.
      onClose: ({ event }) => {
        if (!parseRefusal(event.reason)) return;
        this.failure ??= { kind: 'refused', reason: event.reason };
        this.notify();
      },
      onSynced: () => this.notify(),
      onUnsyncedChanges: () => this.notify(),
      onMessage: ({ message }) => {
        // Hocuspocus does not tell the provider of a refused update; count them to know when nothing waits.
        message.readVarString();
        if (message.readVarUint() === MessageType.SyncStatus && Number(message.readVarUint()) === 0) {
          this.refused += 1;
          queueMicrotask(() => this.notify());
        }
      },
    });
    this.provider.attach();
  }

  /** Sends a local change of the endpoint to the server. */
  applyLocal(update: Uint8Array): void {
    Y.applyUpdate(this.mirror, update, fromEndpoint);
  }

  /** The server's scope for this member once authenticated ('readonly' for a read-only member). */
  get readOnly(): boolean {
    return this.provider.authorizedScope === 'readonly';
  }

  /** True when the server's state has been applied and every change sent was answered. */
  get quiescent(): boolean {
    return this.applying === 0 && this.provider.isSynced && this.provider.unsyncedChanges - this.refused <= 0;
  }

  get refusedChanges(): number {
    return this.refused;
  }

  /** Resolves when quiescent, or with the failure. */
  settled(): Promise<LinkFailure | undefined> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.failure || this.quiescent) {
          this.waiters.delete(check);
          resolve(this.failure);
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.waiters.clear();
    this.provider.destroy();
    this.mirror.destroy();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
