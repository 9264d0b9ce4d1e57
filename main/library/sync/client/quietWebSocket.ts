import WebSocket from 'ws';

/**
 * ws's WebSocket that always has a listener for 'error'. Hocuspocus's provider removes its own
 * listeners and then closes the socket it drops (cleanupWebSocket on a reconnect or destroy);
 * ws answers a close while still connecting with an 'error' event ("WebSocket was closed before
 * the connection was established"), and an 'error' with no listener throws, which ends the
 * process: the app's main process, or `pizhu sync`. What the error means is told by the provider's
 * own close and status events.
 */
export class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}
