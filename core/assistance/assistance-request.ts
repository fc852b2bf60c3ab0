import type { AssistanceRequest, AssistanceRequester } from '../../platform/contract/assistance';
import { DEFAULT_STATION_SETTINGS } from '../../platform/contract/console/station-settings';
import type { MatterRef } from '../../platform/contract/common';
import type { AssistanceRequestInput, KioskAssistanceKind } from '../api/care';
import { err, ok, type Result } from '../pure/result';

/** A help request as the kiosk's own form makes it (a video call's request is the platform's). */
export type KioskAssistanceRequest = Extract<AssistanceRequest, { kind: KioskAssistanceKind }>;

/** The words on the slip and on the rating screen; national service names, printed in Chinese. */
export const ASSISTANCE_KIND_LABELS: Readonly<Record<KioskAssistanceKind, string>> = {
  callback: '电话回访',
  homeVisit: '上门服务',
  agentAtStation: '帮办员到站',
};

/**
 * When staff get in touch, until the platform says (its answer, the station's own limit,
 * replaces this): the defaults the platform publishes for a station without settings.
 */
export const DEFAULT_CONTACT_WITHIN_HOURS: Readonly<Record<KioskAssistanceKind, number>> =
  DEFAULT_STATION_SETTINGS.helpRequests.contactWithinHours;

export interface HelpRequestContext {
  readonly stationId: string;
  /** The signed-in applicant's name, never typed on this screen; absent when nobody signed in. */
  readonly requesterName: string | null;
  /** Who asked, when they signed in with the ID card; null otherwise. */
  readonly requester: AssistanceRequester | null;
  readonly matter: MatterRef | null;
  readonly requestedAt: string;
  readonly offline: boolean;
}

/**
 * The platform's AssistanceRequest from what the resident entered: a callback needs a phone, a
 * home visit a phone and an address; an agent at the station needs neither. Fields that do not
 * belong to the chosen kind are left out rather than sent. The message is plain, for the screen.
 */
export function toAssistanceRequest(
  input: AssistanceRequestInput,
  context: HelpRequestContext,
): Result<KioskAssistanceRequest, string> {
  const common = {
    stationId: context.stationId,
    ...(context.requesterName ? { requesterName: context.requesterName } : {}),
    ...(context.requester ? { requester: context.requester } : {}),
    matter: context.matter,
    caseNo: null,
    needs: input.needs,
    ...(input.note ? { note: input.note } : {}),
    requestedAt: context.requestedAt,
    offline: context.offline,
  };
  switch (input.kind) {
    case 'callback':
      if (!input.phone) return err('请留下电话号码，工作人员会打给您');
      return ok({ kind: 'callback', ...common, phone: input.phone, preferredTime: input.preferredTime ?? 'anytime' });
    case 'homeVisit':
      if (!input.phone) return err('请留下电话号码，上门前工作人员会先打给您');
      if (!input.address) return err('请留下上门服务的地址（村、组、门牌）');
      return ok({
        kind: 'homeVisit',
        ...common,
        phone: input.phone,
        address: input.address,
        preferredDate: input.preferredDate ?? null,
      });
    case 'agentAtStation':
      return ok({ kind: 'agentAtStation', ...common, ...(input.phone ? { phone: input.phone } : {}) });
  }
}
