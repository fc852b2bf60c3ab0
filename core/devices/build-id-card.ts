import { z } from 'zod';
import { err, ok } from '../pure/result';
import type { DevicesConfig } from '../../kiosk-config/schema';
import { createIdCardEmulator, createIdCardReader, idCardFixtures, type IdCard } from '../../drivers/idcard';
import { isValidIdNumber } from '../pure/id-number';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import type { Logger } from '../logging/logger';
import type { Bound, EmulatorControl, IdCardBinding } from './bindings';
import { openEmulatedLink } from '../../drivers/transport/emulated-link';

const EMULATED_BAUD = 115200;

/** Test cards the dev panel and e2e tests can place, by name. All fictional. */
export const EMULATOR_CARDS: Readonly<Record<string, () => IdCard>> = {
  resident: () => idCardFixtures.womanResident,
  residentElderly: () => idCardFixtures.elderlyResident,
  residentYoung: () => idCardFixtures.youngResident,
  hongKong: () => idCardFixtures.hongKongPermit,
  foreign2017: () => idCardFixtures.foreignPermanent2017,
  foreign2023: () => idCardFixtures.foreignPermanent2023,
  // A card whose number fails the GB 11643 check: the reader must refuse it.
  badCheckDigit: () => {
    const card = idCardFixtures.youngResident;
    const last = card.idNumber.at(-1) === '1' ? '2' : '1';
    return { ...card, idNumber: `${card.idNumber.slice(0, 17)}${last}` };
  },
};

/**
 * A resident card for a person of the test's or developer's making: `insertCard` with a JSON
 * argument `{"name","idNumber","address"}` (a valid GB 11643 number; birth date and sex are read
 * from it). Lengths are the card's own field sizes (name 15, address 35 characters). Dev builds
 * only, like every emulator control.
 */
const MadeUpResident = z
  .object({
    name: z.string().trim().min(1).max(15),
    idNumber: z.string().refine(isValidIdNumber, 'an 18-character ID number with a valid check character'),
    address: z.string().trim().min(1).max(35),
  })
  .strict();

export function emulatorCard(argument: string | undefined): IdCard | null {
  if (argument?.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(argument);
    } catch {
      return null;
    }
    const person = MadeUpResident.safeParse(raw);
    if (!person.success) return null;
    const { idNumber } = person.data;
    return {
      ...idCardFixtures.womanResident,
      ...person.data,
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    };
  }
  return EMULATOR_CARDS[argument ?? 'resident']?.() ?? null;
}

export async function buildIdCard(
  config: DevicesConfig['idCardReader'],
  logger: Logger,
): Promise<{ bound: Bound<IdCardBinding>; close: () => Promise<void> }> {
  const log = logger.child({ component: 'idcard' });
  if (config.mode === 'real') {
    const reader = createIdCardReader({
      transport: createSerialTransport({ path: config.path, baudRate: config.baudRate }),
      pollIntervalMs: config.pollIntervalMs,
      logger: log,
    });
    return { bound: { mode: 'real', binding: bindReader(reader), emulator: null }, close: () => Promise.resolve() };
  }

  const link = await openEmulatedLink({
    baudRate: EMULATED_BAUD,
    preferred: config.link,
    onFallback: (error) =>
      log.warn(
        { reason: error.message },
        error.kind === 'socatMissing'
          ? 'socat is not installed: the emulator runs over an in-memory link instead of a PTY pair'
          : 'could not open a PTY pair: the emulator runs over an in-memory link',
      ),
  });
  const emulator = createIdCardEmulator({ transport: link.device, baudRate: EMULATED_BAUD });
  const started = await emulator.start();
  if (!started.ok) log.error({ reason: started.error.message }, 'the ID card emulator could not open its end');
  const reader = createIdCardReader({ transport: link.host, pollIntervalMs: config.pollIntervalMs, logger: log });
  const control: EmulatorControl = {
    actions: [
      'insertCard',
      'removeCard',
      'silentOn',
      'silentOff',
      'garbage',
      'splitFramesOn',
      'splitFramesOff',
      'samUnauthorised',
      'samSelfTestFailed',
      'samOk',
      'failNextRead',
    ],
    perform(action, argument) {
      switch (action) {
        case 'insertCard': {
          const card = emulatorCard(argument);
          if (!card) return err('unknownAction');
          emulator.insertCard(card);
          return ok(undefined);
        }
        case 'removeCard':
          emulator.removeCard();
          return ok(undefined);
        case 'silentOn':
        case 'silentOff':
          emulator.setSilent(action === 'silentOn');
          return ok(undefined);
        case 'garbage':
          void emulator.sendGarbage(Number(argument ?? 64) || 64);
          return ok(undefined);
        case 'splitFramesOn':
        case 'splitFramesOff':
          emulator.setSplitFrames(action === 'splitFramesOn');
          return ok(undefined);
        case 'samUnauthorised':
          emulator.setSam('unauthorised');
          return ok(undefined);
        case 'samSelfTestFailed':
          emulator.setSam('selfTestFailed');
          return ok(undefined);
        case 'samOk':
          emulator.setSam('ok');
          return ok(undefined);
        case 'failNextRead':
          emulator.failNextRead();
          return ok(undefined);
        default:
          return err('unknownAction');
      }
    },
  };
  return {
    bound: { mode: 'emulated', binding: bindReader(reader), emulator: control },
    async close() {
      await emulator.stop();
      await link.close();
    },
  };
}

function bindReader(reader: ReturnType<typeof createIdCardReader>): IdCardBinding {
  return {
    device: reader,
    startPolling: () => reader.startPolling(),
    stopPolling: () => void reader.stopPolling(),
    onCardEvent: (listener) => reader.onCardEvent(listener),
    async waitForCard(timeoutMs) {
      const result = await reader.waitForCard(timeoutMs);
      if (result.ok) return result;
      const error = result.error;
      return err(
        error.kind === 'readFailed'
          ? { kind: 'readFailed', message: error.message }
          : { kind: error.kind, message: error.message },
      );
    },
  };
}
