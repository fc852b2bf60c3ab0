import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CommandResult, type CommandRefusal, type RemoteCommand } from '../../platform/contract/fleet';
import type { Logger } from '../logging/logger';
import { enqueue, enqueueBinary, type DataSealer } from '../outbox';
import type { CommandRun, CommandRunner } from './command-runner';
import { claimCommand, interruptedCommands, settleCommand } from './command-store';

export interface CommandIntakeDeps {
  readonly db: Database.Database;
  readonly sealer: DataSealer;
  readonly terminalId: string;
  readonly runner: CommandRunner;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Starts delivery of what was queued (the outbox's kick). */
  readonly kick: () => void;
}

export interface CommandIntake {
  /** Runs the commands of one heartbeat answer, oldest first, each at most once, and queues their results. */
  take(commands: readonly RemoteCommand[]): Promise<void>;
  /** At start: commands the previous run claimed but never answered are answered `refused/failed`. */
  answerInterrupted(): void;
}

/** One key per command's result: a result queued twice by a bug is still stored once by the platform. */
const resultKey = (commandId: string) => `command-result-${commandId}`;

/**
 * Takes the commands a heartbeat answer carries (platform/contract/fleet.ts HeartbeatAck): claims
 * each in the store before running it, refuses an expired one without running it, and queues
 * the result in the outbox (a screenshot's PNG first), where it waits out any outage like every
 * other record. Commands run one after another: two commands never fight over a device.
 */
export function createCommandIntake(deps: CommandIntakeDeps): CommandIntake {
  const log = deps.logger.child({ component: 'fleet-commands' });

  const refused = (reason: CommandRefusal): CommandRun => ({
    result: { outcome: 'refused', finishedAt: deps.now().toISOString(), reason },
  });

  const store = (commandId: string, run: CommandRun): void => {
    const parsed = CommandResult.safeParse(run.result);
    const result = parsed.success ? parsed.data : refused('failed').result;
    if (!parsed.success) log.error({ commandId, issues: parsed.error.issues.length }, 'command result off-contract');
    const png = parsed.success && result.outcome === 'done' && result.screenshot ? run.png : undefined;
    deps.db.transaction(() => {
      if (png) {
        const sha256 = createHash('sha256').update(png).digest('hex');
        enqueueBinary(
          deps.db,
          {
            kind: 'screenshot',
            operation: 'putMaterial',
            params: { sha256 },
            idempotencyKey: `screenshot-${commandId}`,
            bytes: deps.sealer.seal(png),
            contentType: 'image/png',
            sealed: true,
          },
          deps.now(),
        );
      }
      enqueue(
        deps.db,
        deps.sealer,
        {
          kind: 'commandResult',
          operation: 'postCommandResult',
          params: { terminalId: deps.terminalId, commandId },
          idempotencyKey: resultKey(commandId),
          body: result,
        },
        deps.now(),
      );
      settleCommand(deps.db, commandId, result.outcome);
    })();
    deps.kick();
  };

  const runOne = async (command: RemoteCommand): Promise<CommandRun> => {
    if (Date.parse(command.expiresAt) <= deps.now().getTime()) return refused('expired');
    try {
      return await deps.runner.run(command);
    } catch (error) {
      // A runner that throws has a bug; the console still gets an answer.
      log.error({ err: error, commandId: command.commandId }, 'remote command failed unexpectedly');
      return refused('failed');
    }
  };

  return {
    async take(commands) {
      for (const command of commands) {
        if (!claimCommand(deps.db, command.commandId, deps.now())) continue;
        const run = await runOne(command);
        store(command.commandId, run);
        log.info(
          { commandId: command.commandId, kind: command.request.kind, outcome: run.result.outcome },
          'remote command answered',
        );
        if (run.afterResult) {
          try {
            await run.afterResult();
          } catch (error) {
            log.error({ err: error, commandId: command.commandId }, 'work after a command result failed');
          }
        }
      }
    },
    answerInterrupted() {
      for (const commandId of interruptedCommands(deps.db)) {
        store(commandId, refused('failed'));
        log.warn({ commandId }, 'a remote command was interrupted by the last stop; answered failed');
      }
    },
  };
}
