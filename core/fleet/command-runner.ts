import type { CommandResult, RemoteCommand } from '../../platform/contract/fleet';

/**
 * What the kiosk does with one remote command (platform/contract/fleet.ts), implemented in
 * core/fleet/commands/. The intake (command-intake.ts) calls `run` at most once per commandId,
 * never for an expired command, one command at a time, and delivers what it answers through the
 * outbox. A screenshot's PNG comes back as `png`: the intake queues its putMaterial ahead of the
 * result, so the platform holds the picture before the result naming its sha256 arrives.
 */
export interface CommandRun {
  readonly result: CommandResult;
  /** screenshot only: the PNG whose sha256, width and height the result names. */
  readonly png?: Uint8Array;
  /**
   * Work that must follow the stored result (restartApp: the restart itself), run after the result
   * is in the outbox, so a restart never loses the answer to the command that asked for it.
   */
  readonly afterResult?: () => void | Promise<void>;
}

export interface CommandRunner {
  run(command: RemoteCommand): Promise<CommandRun>;
}
