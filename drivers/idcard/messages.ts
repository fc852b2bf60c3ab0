/**
 * Plain words for the four situations a resident or technician meets at the reader. The renderer
 * has its own i18n (devices namespace); these are for the CLI and technician logs. No personal data.
 */
export type ReaderSituation = 'noCard' | 'readFailed' | 'samUnauthorised' | 'readerMissing';

export interface SituationMessage {
  readonly zh: string;
  readonly en: string;
}

export const READER_MESSAGES: Readonly<Record<ReaderSituation, SituationMessage>> = {
  noCard: {
    zh: '请将身份证放在读卡区',
    en: 'Please place your ID card on the reader.',
  },
  readFailed: {
    zh: '读卡失败，请拿起身份证后重新放置',
    en: 'The card could not be read. Please lift it and place it again.',
  },
  samUnauthorised: {
    zh: '读卡器安全模块未授权，暂不能读卡，请联系工作人员',
    en: 'The reader’s security module (SAM) is not authorised, so cards cannot be read. Please ask staff.',
  },
  readerMissing: {
    zh: '未检测到身份证读卡器，请联系工作人员',
    en: 'No ID card reader was found. Please ask staff.',
  },
};
