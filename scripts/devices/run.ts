import { assertNever } from '../../core/pure/result';
import { parseDevicesArgs } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import { USAGE } from './help';
import { runIdCard } from './idcard';
import { runKeypad } from './keypad';
import { runList } from './list';
import type { Io } from './output';
import { runPrinter } from './printer';
import { runScanner } from './scanner';

/** Parses and runs one command; never throws for expected failures, only returns an exit code. */
export async function runDevices(argv: readonly string[], io: Io, interrupted: Promise<void>): Promise<ExitCode> {
  const parsed = parseDevicesArgs(argv);
  if (!parsed.ok) {
    io.stderr(`error: ${parsed.error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const command = parsed.value;
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return EXIT.ok;
    case 'list':
      return runList(command, io);
    case 'idcard':
      return runIdCard(command, io);
    case 'printer':
      return runPrinter(command, io);
    case 'keypad':
      return runKeypad(command, io, interrupted);
    case 'scanner':
      return runScanner(command, io, interrupted);
    default:
      return assertNever(command, 'command');
  }
}
