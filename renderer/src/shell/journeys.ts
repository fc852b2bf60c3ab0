/**
 * The resident journeys the shell can open over home. Each is a screen folder of its own
 * (screens/<journey>/) with its own XState machine and named timeouts; the shell only knows
 * which one is open and what it was opened with, and throws it away with the visit.
 */
export type Journey =
  | { readonly kind: 'search' }
  | { readonly kind: 'lifeEvents' }
  /** 长辈版's way to browse: the themes, a few big tiles a page, each opening its list. */
  | { readonly kind: 'themes' }
  | { readonly kind: 'apply'; readonly matterCodes: readonly string[]; readonly lifeEventId: string | null }
  | { readonly kind: 'ticket' }
  | { readonly kind: 'appointment'; readonly matterCode: string | null; readonly servicePointId: string | null }
  | { readonly kind: 'checkIn' }
  | { readonly kind: 'progress' }
  | { readonly kind: 'rating' }
  | { readonly kind: 'help'; readonly matterCode: string | null }
  | { readonly kind: 'serviceMap' };

export type JourneyKind = Journey['kind'];
