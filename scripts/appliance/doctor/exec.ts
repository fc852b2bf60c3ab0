import { execFile } from 'node:child_process';

/** What a command said. `missing`: the program is not installed (ENOENT), so nothing ran. */
export interface ExecOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly missing: boolean;
}

/** Runs a program (no shell) and answers what it said; never throws. Checks get this injected. */
export type Exec = (file: string, args: readonly string[]) => Promise<ExecOutcome>;

/** Every command the doctor runs is a quick query; a hung one must not hang the checklist. */
const EXEC_TIMEOUT_MS = 10_000;

export const execProgram: Exec = (file, args) =>
  new Promise((resolve) => {
    execFile(file, [...args], { timeout: EXEC_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
      if (failure?.code === 'ENOENT') {
        resolve({ code: null, stdout: '', stderr: failure.message, missing: true });
        return;
      }
      const code = failure ? (typeof failure.code === 'number' ? failure.code : null) : 0;
      resolve({ code, stdout, stderr, missing: false });
    });
  });
