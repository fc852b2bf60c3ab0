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
  /** `appointmentId`: the slip the resident scanned (checked in once their card is read). */
  | { readonly kind: 'checkIn'; readonly appointmentId?: string }
  /** `reference`: the receipt the resident scanned, looked up at once. */
  | { readonly kind: 'progress'; readonly reference?: string }
  /** `serviceRef`: the service of the ticket the resident scanned, rated first. */
  | { readonly kind: 'rating'; readonly serviceRef?: string }
  | { readonly kind: 'help'; readonly matterCode: string | null }
  | { readonly kind: 'serviceMap' };

export type JourneyKind = Journey['kind'];

/**
 * Tells journeys apart when the same kind is opened again with something else to show (another
 * scanned receipt): the screen starts afresh for it.
 */
export function journeyKey(journey: Journey): string {
  switch (journey.kind) {
    case 'progress':
      return `progress ${journey.reference ?? ''}`;
    case 'checkIn':
      return `checkIn ${journey.appointmentId ?? ''}`;
    case 'rating':
      return `rating ${journey.serviceRef ?? ''}`;
    default:
      return journey.kind;
  }
}
