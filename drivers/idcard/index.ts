/** The second-generation ID card reader (SAM, GA/T 467): the public surface for core and tools. */
export type {
  CardDate,
  ForeignPermanent2017,
  ForeignPermanent2023,
  HkMacaoTaiwanPermit,
  IdCard,
  ResidentCard,
  Sex,
  ValidTo,
  WltPhotoDecoder,
} from './card';
export { createIdCardReader, READER_MODEL } from './reader';
export type { IdCardReader, IdCardReaderOptions, SamIdError, WaitForCardError } from './reader';
export type { CardFailureCode } from './poll-loop';
export type { DriverLogger, ExchangeError } from './exchange';
export { createIdCardEmulator, DEFAULT_EMULATED_SAM_ID } from './emulator';
export type { IdCardEmulator, IdCardEmulatorOptions, SamCondition } from './emulator';
export { decodeCardText, encodeCardText } from './card-text';
export type { CardDataError, CardText } from './card-text';
export { decodeIdCard, decodeReadPayload, encodeIdCard, encodeReadPayload } from './read-payload';
export type { ReadPayload, ReadVariant } from './read-payload';
export { decodeSamId, encodeSamId, formatSamId } from './sam-id';
export type { SamIdGroups } from './sam-id';
export { idCheckCharacter, isValidIdNumber, withCheckCharacter } from '../../core/pure/id-number';
export { nationName, NATION_NAMES } from './nation';
export { maskCard, maskIdNumber, maskName } from './mask';
export { describeSw3, KNOWN_SW3_CODES, SW3 } from './sw3';
export type { Sw3Entry, Sw3Outcome } from './sw3';
export { READER_MESSAGES } from './messages';
export type { ReaderSituation, SituationMessage } from './messages';
export { requests, Command } from './commands';
export { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from './protocol';
export type { SamRequest, SamResponse } from './protocol';
export { createFrameParser } from './frame-parser';
export type { FrameParser } from './frame-parser';
export * as idCardFixtures from './fixtures';
