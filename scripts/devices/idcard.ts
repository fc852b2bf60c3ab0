import type { IdCardEmulator, IdCardReader } from '../../drivers/idcard';
import { createIdCardEmulator, createIdCardReader, idCardFixtures } from '../../drivers/idcard';
import { assertNever } from '../../core/pure/result';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import type { DevicesCommand } from './args';
import { cardView } from './card-view';
import { openEmulatedLink, type EmulatedLink } from '../../drivers/transport/emulated-link';
import { EXIT, type ExitCode } from './exit-codes';
import { conditionFailure, faultFailure, reportFailure, reportSuccess, type Io } from './output';

type IdCardCommand = Extract<DevicesCommand, { kind: 'idcard' }>;

/** The brief: with --emulated a fixture card is placed 200 ms after start, as a person would. */
const EMULATED_CARD_DELAY_MS = 200;
/** Find-card polling as the kiosk's default config does (docs/devices/id-card.md §11). */
const POLL_INTERVAL_MS = 300;

export async function runIdCard(command: IdCardCommand, io: Io): Promise<ExitCode> {
  let link: EmulatedLink | null = null;
  let emulator: IdCardEmulator | null = null;
  let cardTimer: NodeJS.Timeout | undefined;
  if (command.emulated) {
    link = await openEmulatedLink({
      baudRate: command.baud,
      onFallback: (error) => io.stderr(`note: ${error.message}; using an in-memory link instead of a PTY pair\n`),
    });
    emulator = createIdCardEmulator({ transport: link.device, baudRate: command.baud });
    const started = await emulator.start();
    if (!started.ok) {
      await link.close();
      return reportFailure(io, command.json, {
        exitCode: EXIT.ioError,
        code: 'emulatorFailed',
        message: started.error.message,
        link: 'serial',
      });
    }
  }
  const transport = link ? link.host : createSerialTransport({ path: command.port ?? '', baudRate: command.baud });
  const reader = createIdCardReader({ transport, pollIntervalMs: POLL_INTERVAL_MS });
  const where = link?.description ?? transport.description;
  try {
    const connected = await reader.connect();
    if (!connected.ok) return reportFailure(io, command.json, faultFailure(connected.error, 'serial'));
    const identity = connected.value;
    switch (command.action) {
      case 'status': {
        const condition = await reader.probe();
        if (!condition.ok) return reportFailure(io, command.json, faultFailure(condition.error, 'serial'));
        if (condition.value.state !== 'online') {
          return reportFailure(io, command.json, conditionFailure(condition.value, 'serial'));
        }
        return reportSuccess(
          io,
          command.json,
          { device: 'idCardReader', link: where, identity, condition: condition.value },
          [
            `ID card reader on ${where}: online (正常)`,
            `model: ${identity.model}${identity.serial ? `, SAM ID ${identity.serial}` : ''}`,
          ],
        );
      }
      case 'sam':
        return await samReport(reader, command, io, where);
      default:
        return assertNever(command.action, 'idcard action');
      case 'read': {
        const emulated = emulator;
        if (emulated) {
          cardTimer = setTimeout(() => emulated.insertCard(idCardFixtures.elderlyResident), EMULATED_CARD_DELAY_MS);
        }
        if (!command.json)
          io.stderr(`Place the card on the reader (请放置身份证) — waiting ${command.timeoutSeconds} s …\n`);
        const card = await reader.waitForCard(command.timeoutSeconds * 1000);
        if (!card.ok) {
          const error = card.error;
          switch (error.kind) {
            case 'timeout':
              return reportFailure(io, command.json, {
                exitCode: EXIT.ioError,
                code: 'timeout',
                message: `no card was read within ${command.timeoutSeconds} s (未读到身份证)`,
                link: 'serial',
              });
            case 'deviceUnavailable':
              return reportFailure(io, command.json, {
                exitCode: EXIT.ioError,
                code: 'disconnected',
                message: error.message,
                link: 'serial',
              });
            case 'readFailed':
              return reportFailure(io, command.json, {
                exitCode: EXIT.deviceProblem,
                code: error.code,
                message: `${error.message}; lift the card and place it again (请重新放置身份证)`,
                link: 'serial',
              });
            default:
              return assertNever(error, 'card wait error');
          }
        }
        const view = { masked: !command.unmasked, card: cardView(card.value, command.unmasked) };
        return reportSuccess(io, command.json, view, [JSON.stringify(view, null, 2)]);
      }
    }
  } finally {
    clearTimeout(cardTimer);
    await reader.disconnect();
    await emulator?.stop();
    await link?.close();
  }
}

async function samReport(reader: IdCardReader, command: IdCardCommand, io: Io, where: string): Promise<ExitCode> {
  const condition = await reader.probe();
  if (!condition.ok) return reportFailure(io, command.json, faultFailure(condition.error, 'serial'));
  if (condition.value.state !== 'online') {
    return reportFailure(io, command.json, conditionFailure(condition.value, 'serial'));
  }
  const samId = await reader.readSamId();
  if (!samId.ok) {
    const error = samId.error;
    if (error.kind === 'status') {
      return reportFailure(io, command.json, {
        exitCode: EXIT.deviceProblem,
        code: `sw3:0x${error.sw3.toString(16).padStart(2, '0')}`,
        message: error.detail,
        link: 'serial',
      });
    }
    return reportFailure(io, command.json, {
      exitCode: EXIT.ioError,
      code: error.kind,
      message: error.detail,
      link: 'serial',
    });
  }
  return reportSuccess(io, command.json, { link: where, samStatus: condition.value, samId: samId.value }, [
    `SAM on ${where}: ${condition.value.detail} (SAM 正常)`,
    `SAM ID: ${samId.value}`,
  ]);
}
