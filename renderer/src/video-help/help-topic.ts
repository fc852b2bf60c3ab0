import type { MatterDetail } from '../../../core/api/contract';
import type { MatterRef } from '../../../platform/contract/common';
import { HelpTopic } from '../../../platform/contract/video-help';

/**
 * What a call is about, for routing to agents who know it: the open matter's first theme (主题),
 * or `general` when no matter is open or its theme id is not one the platform routes by.
 */
export function topicOf(matter: Pick<MatterDetail, 'themes'> | null): HelpTopic {
  const theme = matter?.themes[0]?.id;
  return theme !== undefined && HelpTopic.safeParse(theme).success ? theme : 'general';
}

export function matterRefOf(matter: Pick<MatterDetail, 'code' | 'version' | 'name'> | null): MatterRef | null {
  return matter ? { matterCode: matter.code, matterVersion: matter.version, matterName: matter.name } : null;
}
