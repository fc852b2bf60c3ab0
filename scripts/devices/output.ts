import type { DeviceCondition, DeviceFault } from '../../drivers/common/device';
import { adviceFor, EXIT, exitCodeForFault, type ExitCode } from './exit-codes';

/** Where the tool writes; injectable so actions can be tested without a child process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export type LinkKind = 'serial' | 'usb' | 'tcp' | 'hid';

/** A failure as the technician sees it: plain words, the driver's code and what to do. */
export interface Failure {
  readonly exitCode: Exclude<ExitCode, 0>;
  /** The driver's code (portMissing, paperOut …) or a tool code (timeout, usage). */
  readonly code: string;
  readonly message: string;
  readonly link: LinkKind;
}

/** Prints a failure (JSON on stdout with --json, words on stderr otherwise) and returns its exit code. */
export function reportFailure(io: Io, json: boolean, failure: Failure): ExitCode {
  const advice = adviceFor(failure.exitCode, failure.link);
  if (json) {
    io.stdout(
      `${JSON.stringify({ ok: false, exitCode: failure.exitCode, code: failure.code, message: failure.message, advice })}\n`,
    );
  } else {
    io.stderr(`error (${failure.code}): ${failure.message}\n`);
    if (advice) io.stderr(`${advice}\n`);
  }
  return failure.exitCode;
}

/** Prints a success: the JSON object with --json, the text lines otherwise. */
export function reportSuccess(io: Io, json: boolean, value: object, lines: readonly string[]): ExitCode {
  if (json) io.stdout(`${JSON.stringify({ ok: true, ...value })}\n`);
  else for (const line of lines) io.stdout(`${line}\n`);
  return EXIT.ok;
}

/** A driver fault (cannot reach the device) as a failure. */
export function faultFailure(fault: DeviceFault, link: LinkKind): Failure {
  const exitCode = exitCodeForFault(fault.code);
  return { exitCode: exitCode === EXIT.ok ? EXIT.ioError : exitCode, code: fault.code, message: fault.detail, link };
}

/** The device answered and reports a problem: exit 65. */
export function conditionFailure(condition: DeviceCondition, link: LinkKind): Failure {
  return { exitCode: EXIT.deviceProblem, code: condition.code, message: condition.detail, link };
}
