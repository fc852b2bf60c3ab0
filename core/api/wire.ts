import { z } from 'zod';

/**
 * Messages on the browser host's WebSocket (`/api`). One JSON object per frame.
 * The Electron host needs none of this: IPC invoke already pairs a call with its answer.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const CallMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string(),
  input: z.unknown(),
});
export type CallMessage = z.infer<typeof CallMessage>;

export const ResponseEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  }),
]);

/**
 * What a client accepts from the host. `response` is checked by the client against
 * ResponseEnvelope, so a malformed answer still settles its call (as a transport error)
 * instead of leaving it to time out.
 */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nullable(), response: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
/** What the host sends; stricter than what a client accepts. */
export type HostMessage =
  | { type: 'result'; id: number | null; response: z.infer<typeof ResponseEnvelope> }
  | { type: 'event'; event: string; payload: unknown };

export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './channels';
