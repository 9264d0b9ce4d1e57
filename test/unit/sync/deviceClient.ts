import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const repo = path.resolve(__dirname, '..', '..', '..');

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * The test's side of one device process (deviceProcess.ts): requests as JSON lines, each answered
 * or failed within its own time limit; `kill9` ends it as a crash would, `restart` opens its file again.
 */
export class DeviceClient {
  private child!: ChildProcess;
  private exited!: Promise<void>;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stderr = '';

  constructor(
    readonly name: string,
    readonly dbPath: string,
  ) {
    this.spawn();
  }

  private spawn(): void {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'deviceProcess.ts'), this.dbPath, this.name],
      {
        cwd: repo,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        return;
      }
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(`${this.name}: ${reply.error ?? 'failed'}`));
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        for (const waiter of this.waiting.values()) waiter.reject(new Error(`${this.name} exited: ${this.stderr}`));
        this.waiting.clear();
        resolve();
      }),
    );
  }

  /** Sends a command; rejects when the device fails it, exits, or takes longer than `timeoutMs`. */
  request<T = unknown>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: ${cmd} took over ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
    });
  }

  /** Ends the process as a crash or a power cut of the app would: no clean-up runs. */
  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A new process on the same file (after a kill -9). */
  async restart(): Promise<void> {
    this.spawn();
    await this.request('open', {}, 60_000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await this.request('close', {}, 5_000).catch(() => this.child.kill('SIGKILL'));
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
