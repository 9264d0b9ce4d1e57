import type { ChildProcess } from 'node:child_process';

export interface KillPlan {
  /** Who is killed, for the failure message when it ends some other way. */
  name: string;
  /** The kill is armed once the child's stdout so far matches this (it has the library open, say). */
  armedWhen: RegExp;
  /** How long after arming to SIGKILL it; drawn at the moment of arming. */
  delayMs: () => number;
  /** SIGKILL it after this long even if never armed, and fail the run (no limit if absent). */
  giveUpMs?: number;
}

/**
 * SIGKILLs a started child a random moment after it is ready, and resolves with the complete lines
 * it wrote to stdout: a line cut by the kill was never said, so it counts as not acknowledged.
 * Rejects if the child ends by itself or is killed before it was ready.
 */
export function killAtRandomPoint(proc: ChildProcess, plan: KillPlan): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const never = plan.giveUpMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), plan.giveUpMs);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (timer === undefined && plan.armedWhen.test(out)) timer = setTimeout(() => proc.kill('SIGKILL'), plan.delayMs());
    });
    proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    // 'close', not 'exit': only then has everything the child said been read from its stdout.
    proc.on('close', (code, signal) => {
      clearTimeout(never);
      clearTimeout(timer);
      if (timer === undefined || signal !== 'SIGKILL') {
        return reject(new Error(`${plan.name} ended without being killed (${code ?? signal}): ${err}`));
      }
      resolve(out.split('\n').slice(0, -1));
    });
  });
}
