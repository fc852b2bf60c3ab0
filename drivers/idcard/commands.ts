import { encodeRequest } from './protocol';

/** CMD/Para pairs of docs/devices/id-card.md §4. */
export const Command = {
  resetSam: { cmd: 0x10, para: 0xff },
  samStatus: { cmd: 0x11, para: 0xff },
  samId: { cmd: 0x12, para: 0xff },
  findCard: { cmd: 0x20, para: 0x01 },
  selectCard: { cmd: 0x20, para: 0x02 },
  /** Text + photo. */
  readCard: { cmd: 0x30, para: 0x01 },
  /** Newest appended address (追加住址), ✔1. */
  readAppendedAddress: { cmd: 0x30, para: 0x03 },
  /** Text + photo + fingerprint. */
  readCardWithFingerprint: { cmd: 0x30, para: 0x10 },
  setBaudRate: { cmd: 0x60 },
  setMaxRfFrame: { cmd: 0x61, para: 0xff },
} as const;

export type CommandName = keyof typeof Command;

/** Para of `60 xx` (§4, mapping ✔1 from softs.im). */
export const BAUD_PARA = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 } as const;
export type SamBaudRate = keyof typeof BAUD_PARA;

export const requests = {
  resetSam: () => encodeRequest(Command.resetSam.cmd, Command.resetSam.para),
  samStatus: () => encodeRequest(Command.samStatus.cmd, Command.samStatus.para),
  samId: () => encodeRequest(Command.samId.cmd, Command.samId.para),
  findCard: () => encodeRequest(Command.findCard.cmd, Command.findCard.para),
  selectCard: () => encodeRequest(Command.selectCard.cmd, Command.selectCard.para),
  readCard: () => encodeRequest(Command.readCard.cmd, Command.readCard.para),
  readAppendedAddress: () => encodeRequest(Command.readAppendedAddress.cmd, Command.readAppendedAddress.para),
  readCardWithFingerprint: () =>
    encodeRequest(Command.readCardWithFingerprint.cmd, Command.readCardWithFingerprint.para),
  setBaudRate: (baud: SamBaudRate) => encodeRequest(Command.setBaudRate.cmd, BAUD_PARA[baud]),
  /** hev-idcard-reader sends 0x50 once after a good status check (§4, ✔1). */
  setMaxRfFrame: (bytes = 0x50) => {
    if (!Number.isInteger(bytes) || bytes < 0 || bytes > 0xff) throw new RangeError(`max RF frame ${bytes}`);
    return encodeRequest(Command.setMaxRfFrame.cmd, Command.setMaxRfFrame.para, Uint8Array.of(bytes));
  },
};
