import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../pure/result';
import type { SpeechFailure } from './types';

export interface RunOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly stdin: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Runs a program without a shell, writes `stdin` to it and collects its stdout. A missing binary, a
 * crash, a hang past `timeoutMs` or an abort is a SpeechFailure. A hung or cancelled child is
 * killed with SIGKILL (a stuck synthesiser gets no second chance) and the answer comes once it has
 * exited, so nothing is left running behind a returned call.
 */
export function runProcess(options: RunOptions): Promise<Result<Buffer, SpeechFailure>> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve(err({ kind: 'aborted', message: 'speech was cancelled before it started' }));
      return;
    }
    const child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const chunks: Buffer[] = [];
    let stderr = '';
    // Set when the call is given up (timeout, abort); reported when the child has gone.
    let givenUp: SpeechFailure | null = null;
    let settled = false;
    const settle = (result: Result<Buffer, SpeechFailure>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const giveUp = (failure: SpeechFailure) => {
      if (givenUp || settled) return;
      givenUp = failure;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => giveUp({ kind: 'timeout', message: `${options.command} gave no answer within ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    const onAbort = () => giveUp({ kind: 'aborted', message: 'speech was cancelled' });
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Only the program's own complaint, capped: espeak-ng never echoes the text it was given.
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle(
        err(
          error.code === 'ENOENT' || error.code === 'EACCES'
            ? { kind: 'engineMissing', message: `${options.command} cannot be run (${error.code})` }
            : { kind: 'engineFailed', message: `${options.command} failed: ${error.message}` },
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (givenUp) settle(err(givenUp));
      else if (code === 0) settle(ok(Buffer.concat(chunks)));
      else {
        const how = signal ? `was killed by ${signal}` : `exited with ${String(code)}`;
        settle(err({ kind: 'engineFailed', message: `${options.command} ${how}: ${stderr.trim().slice(0, 200)}` }));
      }
    });
    // A child that dies before reading its input makes the write fail with EPIPE; 'close' reports it.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin, 'utf8');
  });
}
