import { err, ok } from '../../../core/pure/result';
import type { ConsoleHandlers, VideoOperationId } from '../console/handler-types';
import { rowIdOf } from '../console/users-store';
import type { SqlQueries } from '../db/sql';
import type { PlatformContext } from '../http/types';
import type { PlatformSealer } from '../sealing/sealer';
import { findCall } from './calls-store';

/**
 * Call recordings (video_call_recordings, migration 0011): stored only for a call that was
 * recorded with the resident's consent (the agent's `recording on` was accepted: video_calls.
 * recorded), uploaded by the agent who took it, once. The bytes are sealed like every other
 * personal record (sealing/sealer.ts); the retention purge forgets them with the call's help
 * request (retention/purge.ts).
 */

const SEALED = 'video_call_recordings.sealed_data';

export async function storeRecording(
  db: SqlQueries,
  sealer: PlatformSealer,
  recording: { callId: string; bytes: Uint8Array; recordedBy: number },
  now: Date,
): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO video_call_recordings (call_id, mime_type, bytes, sealed_data, recorded_by, stored_at)
     VALUES (?, 'video/webm', ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING`,
    [
      recording.callId,
      recording.bytes.byteLength,
      sealer.seal(SEALED, recording.callId, recording.bytes),
      recording.recordedBy,
      now.toISOString(),
    ],
  );
  return changes === 1;
}

export async function openRecording(
  db: SqlQueries,
  sealer: PlatformSealer,
  callId: string,
): Promise<Buffer | undefined> {
  const row = await db.get<{ sealed_data: Buffer }>('SELECT sealed_data FROM video_call_recordings WHERE call_id = ?', [
    callId,
  ]);
  return row && sealer.open(SEALED, callId, row.sealed_data);
}

export function createVideoConsoleHandlers(
  ctx: Pick<PlatformContext, 'sql' | 'sealer'>,
): ConsoleHandlers<VideoOperationId> {
  return {
    uploadVideoCallRecording: async ({ user, params, body, now }) => {
      const call = await findCall(ctx.sql, params.callId);
      // Someone else's call answers as if it did not exist.
      if (!call || call.agentUserId === null || call.agentUserId !== rowIdOf(user.userId))
        return err({ kind: 'notFound', detail: 'no such call of yours' });
      if (!call.recorded || !call.consent.recording)
        return err({ kind: 'conflict', detail: 'this call was not recorded with the resident’s consent' });
      if (body.byteLength === 0) return err({ kind: 'invalid', detail: 'the recording is empty' });
      const stored = await storeRecording(
        ctx.sql,
        ctx.sealer,
        { callId: call.callId, bytes: body, recordedBy: call.agentUserId },
        now,
      );
      if (!stored) return err({ kind: 'conflict', detail: 'the recording of this call is already stored' });
      return ok({ callId: call.callId, bytes: body.byteLength, storedAt: now.toISOString() });
    },
  };
}
