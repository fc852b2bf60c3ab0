import type { Guide } from '../../../../platform/contract/catalog';

/** Every guide section, in the order residents read them (C12's portal order, 简版指南 first). */
export const GUIDE_SECTIONS = [
  'summary',
  'basicInfo',
  'placesAndHours',
  'conditions',
  'materials',
  'specialSteps',
  'process',
  'fees',
  'legalBasis',
  'faq',
  'promise',
  'visitsNeeded',
  'contact',
] as const satisfies ReadonlyArray<keyof Guide>;

export type GuideSectionId = (typeof GUIDE_SECTIONS)[number];

/** Fails to compile when the contract gains a guide section this screen would not show. */
type Unlisted = Exclude<keyof Guide, 'isSample' | GuideSectionId>;
export const everySectionListed: [Unlisted] extends [never] ? true : never = true;

/** The section residents most often come for gets a highlighted button of its own. */
export const KEY_SECTION: GuideSectionId = 'materials';
