import { z } from 'zod';
import { AssistanceContactOutcome, AssistanceKind, AssistanceStatus } from '../../platform/contract/assistance';

/**
 * 我的求助进度: the signed-in resident's help requests as the kiosk shows them. The platform's
 * (state, who handles it, the last contact's outcome) and those saved here and not sent yet.
 * Only the person who signed in with the ID card sees them (access 'person').
 */

export const MyHelpRequest = z.object({
  requestId: z.string(),
  kind: AssistanceKind,
  status: AssistanceStatus,
  matterName: z.string().nullable(),
  handlerName: z.string().nullable(),
  lastContact: z.object({ at: z.string(), outcome: AssistanceContactOutcome }).nullable(),
  receivedAt: z.string(),
  completedAt: z.string().nullable(),
  expectedContactWithinHours: z.number().int().min(0),
});
export type MyHelpRequest = z.infer<typeof MyHelpRequest>;

export const PendingHelpRequest = z.object({
  localRef: z.string(),
  kind: AssistanceKind,
  requestedAt: z.string(),
});
export type PendingHelpRequest = z.infer<typeof PendingHelpRequest>;

export const MyHelpRequests = z.object({
  platform: z.enum(['reachable', 'unreachable']),
  requests: z.array(MyHelpRequest),
  pendingHere: z.array(PendingHelpRequest),
});
export type MyHelpRequests = z.infer<typeof MyHelpRequests>;
