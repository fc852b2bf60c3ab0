import type { DeviceCode } from '../../core/api/devices';

/**
 * What a SW3 status byte (docs/devices/id-card.md §6) means for us. `outcome` is what the poll
 * loop and probe act on; `deviceCode` is what the device status reports (`ok` when the reader is
 * healthy and only this card or this placement failed).
 */
export type Sw3Outcome =
  'ok' | 'noCard' | 'readFailed' | 'unrecognisedCard' | 'samUnauthorised' | 'samFault' | 'protocolError';

export interface Sw3Entry {
  /** English, for technicians and logs. */
  readonly meaning: string;
  readonly outcome: Sw3Outcome;
  readonly deviceCode: DeviceCode;
}

export const SW3 = {
  OK: 0x90,
  NO_CONTENT: 0x91,
  CARD_FOUND: 0x9f,
  BAD_CHECKSUM: 0x10,
  BAD_LENGTH: 0x11,
  BAD_COMMAND: 0x21,
  UNAUTHORISED_OPERATION: 0x23,
  UNRECOGNISED_ERROR: 0x24,
  CARD_REJECTED_SAM: 0x31,
  SAM_REJECTED_CARD: 0x32,
  VERIFICATION_ERROR: 0x33,
  UNRECOGNISED_CARD: 0x40,
  READ_FAILED: 0x41,
  RANDOM_FAILED: 0x47,
  SAM_SELF_TEST_FAILED: 0x60,
  SAM_UNAUTHORISED: 0x66,
  NO_CARD: 0x80,
  SELECT_FAILED: 0x81,
} as const;

const TABLE: ReadonlyMap<number, Sw3Entry> = new Map<number, Sw3Entry>([
  [SW3.OK, { meaning: 'operation succeeded', outcome: 'ok', deviceCode: 'ok' }],
  // No fingerprint / no appended address: a normal answer to 30 03 and 30 10, not a failure.
  [SW3.NO_CONTENT, { meaning: 'this item has no content on the card', outcome: 'ok', deviceCode: 'ok' }],
  [SW3.CARD_FOUND, { meaning: 'find card succeeded', outcome: 'ok', deviceCode: 'ok' }],
  [SW3.BAD_CHECKSUM, { meaning: 'reader saw a wrong checksum', outcome: 'protocolError', deviceCode: 'readerError' }],
  [SW3.BAD_LENGTH, { meaning: 'reader saw a wrong frame length', outcome: 'protocolError', deviceCode: 'readerError' }],
  [
    SW3.BAD_COMMAND,
    { meaning: 'command error (bad value or illegal sequence)', outcome: 'protocolError', deviceCode: 'readerError' },
  ],
  [
    SW3.UNAUTHORISED_OPERATION,
    { meaning: 'unauthorised operation', outcome: 'protocolError', deviceCode: 'readerError' },
  ],
  [SW3.UNRECOGNISED_ERROR, { meaning: 'unrecognised error', outcome: 'protocolError', deviceCode: 'readerError' }],
  // 31/32/33/47 are about this card and this placement (moved, fake, damaged): the reader is fine.
  [SW3.CARD_REJECTED_SAM, { meaning: 'card failed to authenticate the SAM', outcome: 'readFailed', deviceCode: 'ok' }],
  [SW3.SAM_REJECTED_CARD, { meaning: 'SAM failed to authenticate the card', outcome: 'readFailed', deviceCode: 'ok' }],
  [SW3.VERIFICATION_ERROR, { meaning: 'information verification error', outcome: 'readFailed', deviceCode: 'ok' }],
  [SW3.UNRECOGNISED_CARD, { meaning: 'unrecognised card type', outcome: 'unrecognisedCard', deviceCode: 'ok' }],
  [SW3.READ_FAILED, { meaning: 'read card failed', outcome: 'readFailed', deviceCode: 'ok' }],
  [SW3.RANDOM_FAILED, { meaning: 'get-random failed', outcome: 'readFailed', deviceCode: 'ok' }],
  [
    SW3.SAM_SELF_TEST_FAILED,
    { meaning: 'SAM self-test failed, cannot accept commands', outcome: 'samFault', deviceCode: 'samSelfTestFailed' },
  ],
  [
    SW3.SAM_UNAUTHORISED,
    { meaning: 'SAM not authorised, cannot be used', outcome: 'samUnauthorised', deviceCode: 'samUnauthorised' },
  ],
  [SW3.NO_CARD, { meaning: 'find card failed (no card)', outcome: 'noCard', deviceCode: 'ok' }],
  // Select failing right after a successful find: the card moved or left between the two.
  [SW3.SELECT_FAILED, { meaning: 'select card failed', outcome: 'readFailed', deviceCode: 'ok' }],
]);

/** Every code of §6, for tests and the technician screen. */
export const KNOWN_SW3_CODES: readonly number[] = [...TABLE.keys()];

/** A code outside §6 is a reader we do not understand: a protocol error, never a crash. */
export function describeSw3(sw3: number): Sw3Entry {
  return (
    TABLE.get(sw3) ?? {
      meaning: `unknown status 0x${sw3.toString(16).padStart(2, '0')}`,
      outcome: 'protocolError',
      deviceCode: 'readerError',
    }
  );
}
