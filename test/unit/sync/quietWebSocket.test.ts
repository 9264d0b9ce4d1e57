import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { QuietWebSocket } from '../../../main/library/sync/client/quietWebSocket';

/**
 * Hocuspocus's provider drops a socket by removing its listeners and closing it; closed while
 * still connecting, ws emits 'error', and with no listener that ends the process (found by the
 * device fuzz: a device process died on "WebSocket was closed before the connection was established").
 */
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A TCP port that accepts and never answers the WebSocket handshake: the socket stays connecting. */
async function silentPort(): Promise<number> {
  const held: net.Socket[] = [];
  const server = net.createServer((socket) => held.push(socket));
  server.on('close', () => held.forEach((s) => s.destroy()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('the sync client socket', () => {
  it('closed while connecting, with the provider’s listeners removed, raises nothing', async () => {
    const port = await silentPort();
    const socket = new QuietWebSocket(`ws://127.0.0.1:${port}`);
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));
    expect(socket.readyState).toBe(WebSocket.CONNECTING);
    socket.close();
    // The 'error' ws emits here found the quiet listener; the close still comes.
    expect(await closed).toBe(1006);
  });

  it('keeps its listener where a plain ws socket has none, whose error would throw', async () => {
    const port = await silentPort();
    const plain = new WebSocket(`ws://127.0.0.1:${port}`);
    const quiet = new QuietWebSocket(`ws://127.0.0.1:${port}`);
    const error = () => new Error('WebSocket was closed before the connection was established');
    expect(() => plain.emit('error', error())).toThrow('closed before the connection');
    expect(() => quiet.emit('error', error())).not.toThrow();
    plain.on('error', () => undefined);
    plain.terminate();
    quiet.terminate();
  });
});
