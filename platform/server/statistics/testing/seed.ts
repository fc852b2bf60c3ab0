import { randomBytes } from 'node:crypto';
import type { ApplicationSubmission } from '../../../contract/applications';
import type { SqlQueries, SqlValue } from '../../db/sql';
import type { PlatformSealer } from '../../sealing/sealer';

/**
 * Rows written straight into the platform's tables for statistics tests and the export benchmark:
 * the staff-side rows (ticket states, callbacks, completed help requests) are written by other
 * parts of the platform, and a generated year must be fast to make: callers wrap many inserts in
 * one transaction and hand its `tx` to `seeder`. The same SQL on both engines.
 */

export interface Seeder {
  terminal(terminalId: string, stationId: string): Promise<void>;
  application(entry: {
    caseNo: string;
    day: string;
    seq: number;
    terminalId: string;
    stationId: string;
    matterCode?: string;
    matterName?: string;
    name?: string;
    applicantIndex: string;
    agent?: boolean;
    caseType?: 'instant' | 'promised';
    promisedBy?: string;
    delivery?: 'pickUp' | 'mail';
    acceptedAt: string;
  }): Promise<void>;
  ticket(entry: {
    ticketId: string;
    day: string;
    seq: number;
    terminalId: string;
    stationId: string;
    number: number;
    issuedAt: string;
    status?: 'waiting' | 'called' | 'serving' | 'finished' | 'noShow';
    firstCalledAt?: string;
    startedAt?: string;
    finishedAt?: string;
    noShowAt?: string;
  }): Promise<void>;
  rating(entry: {
    ratingId: string;
    day: string;
    seq: number;
    terminalId: string;
    stationId: string;
    level: number;
    subjectKind?: 'application' | 'ticket';
    subjectRef: string;
    at: string;
  }): Promise<void>;
  workOrder(entry: {
    workOrderNo: string;
    day: string;
    seq: number;
    ratingId: string;
    followUpBy: string;
    callbackAt?: string;
    satisfied?: boolean;
    status?: 'open' | 'followedUp' | 'closed';
  }): Promise<void>;
  help(entry: {
    requestId: string;
    day: string;
    seq: number;
    terminalId: string;
    stationId: string;
    kind: 'callback' | 'homeVisit' | 'agentAtStation';
    receivedAt: string;
    completedAt?: string;
    requesterIndex?: string;
  }): Promise<void>;
  /** A 视频帮办 call and the help request (kind video) it belongs to, as the signalling leaves them. */
  videoCall(entry: VideoCallSeed): Promise<void>;
}

export interface VideoCallSeed {
  callId: string;
  day: string;
  seq: number;
  terminalId: string;
  stationId: string;
  topic?: string;
  requestedAt: string;
  acceptedAt?: string;
  endedAt?: string;
  endReason?: string;
  waitMs?: number;
  talkMs?: number;
  setupMs?: number;
  audioOnly?: boolean;
  quality?: {
    samples: number;
    packetLossPct: number;
    rttMs: number;
    kioskInboundKbps: number;
    agentInboundKbps: number;
  };
  candidateType?: 'host' | 'srflx' | 'prflx' | 'relay';
}

/** A 64-character keyed-index stand-in, the same for the same seed text. */
export const index64 = (seed: string): string => Buffer.from(seed.padEnd(32, '.').slice(0, 32)).toString('hex');

export function seeder(db: SqlQueries, sealer: PlatformSealer): Seeder {
  const terminalSql = `INSERT INTO terminals (terminal_id, station_id, token_sha256, registered_at, updated_at)
     VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`;
  const applicationSql = `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
       catalog_version, case_type, promised_working_days, delivery_method, bundle_ref, applicant_index, agent_index,
       applicant_identified_by, agent_identified_by, sealed_submission, receipt_lines, confirmed_at, accepted_at,
       promised_by)
     VALUES (@caseNo, @day, @seq, @terminalId, @stationId, @caseNo, @matterCode, 1, 'gen-1', @caseType, @promisedDays,
       @delivery, NULL, @applicantIndex, @agentIndex, 'idCardChip', @agentBy, @sealed, '[]', @acceptedAt, @acceptedAt,
       @promisedBy)`;
  const ticketSql = `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
       priority_weight, source, range_id, terminal_id, appointment_id, matter_code, issued_at, received_at)
     VALUES (@ticketId, @day, @seq, @stationId, 'A', @number, @ticketNo, 'normal', 0, 'online', NULL, @terminalId, NULL,
       NULL, @issuedAt, @issuedAt)`;
  const ticketStateSql = `INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, window_no, first_called_at,
       called_at, started_at, finished_at, no_show_at, updated_at)
     VALUES (@ticketId, @stationId, @day, 'A', @status, @windowNo, @firstCalledAt, @firstCalledAt, @startedAt,
       @finishedAt, @noShowAt, @issuedAt)`;
  const ratingSql = `INSERT INTO ratings (rating_id, day, seq, terminal_id, station_id, subject_kind, subject_ref, submitted_ref, level,
       options_version, sealed_rating, rated_at, accepted_at)
     VALUES (@ratingId, @day, @seq, @terminalId, @stationId, @subjectKind, @subjectRef, @subjectRef, @level, '2025.1',
       @sealed, @at, @at)`;
  const workOrderSql = `INSERT INTO work_orders (work_order_no, day, seq, rating_id, status, follow_up_by, created_at, callback_at,
       callback_satisfied)
     VALUES (@workOrderNo, @day, @seq, @ratingId, @status, @followUpBy, @day, @callbackAt, @satisfied)`;
  const helpSql = `INSERT INTO assistance_requests (request_id, day, seq, terminal_id, station_id, kind, status, requested_at,
       sealed_request, received_at, updated_at, completed_at, requester_index)
     VALUES (@requestId, @day, @seq, @terminalId, @stationId, @kind, @status, @receivedAt, @sealed, @receivedAt,
       @receivedAt, @completedAt, @requesterIndex)`;
  const videoRequestSql = `INSERT INTO assistance_requests (request_id, day, seq, terminal_id, station_id, kind, status,
       requested_at, sealed_request, received_at, updated_at, completed_at, requester_index)
     VALUES (@requestId, @day, @seq, @terminalId, @stationId, 'video', @status, @requestedAt, @sealed, @requestedAt,
       @requestedAt, @completedAt, NULL)`;
  const videoCallSql = `INSERT INTO video_calls (call_id, day, seq, request_id, station_id, terminal_id, topic, elder_mode, status,
       end_reason, requested_at, accepted_at, ended_at, wait_ms, talk_ms, setup_ms, agent_user_id,
       consent_personal_values, consent_document_camera, recording_consented_at, recorded, audio_only, quality_samples,
       kiosk_inbound_kbps, agent_inbound_kbps, packet_loss_pct, rtt_ms, candidate_type)
     VALUES (@callId, @day, @seq, @requestId, @stationId, @terminalId, @topic, 0, @status, @endReason, @requestedAt,
       @acceptedAt, @endedAt, @waitMs, @talkMs, @setupMs, NULL, 0, 0, NULL, 0, @audioOnly, @samples, @kioskKbps,
       @agentKbps, @loss, @rtt, @candidateType)`;
  const run = async (sql: string, params: Readonly<Record<string, SqlValue>>) => {
    await db.run(sql, params);
  };
  return {
    terminal: async (terminalId, stationId) => {
      await db.run(terminalSql, [terminalId, stationId, randomBytes(32).toString('hex')]);
    },
    application: (entry) => {
      const submission: ApplicationSubmission = {
        localRef: entry.caseNo,
        matter: {
          matterCode: entry.matterCode ?? 'M-000001',
          matterVersion: 1,
          matterName: entry.matterName ?? '事项',
        },
        catalogVersion: 'gen-1',
        stationId: entry.stationId,
        applicant: {
          kind: 'naturalPerson',
          person: { name: entry.name ?? '张三丰', idType: 'residentIdCard', idNumber: '370784195001011234' },
        },
        agent: entry.agent
          ? {
              person: { name: '李四', idType: 'residentIdCard', idNumber: '370784196001011234' },
              relation: 'family',
              authorisation: { kind: 'consentStatement', materialSha256: null },
            }
          : null,
        form: { phone: '13800001234' },
        materials: [],
        delivery: { method: 'pickUp', servicePointId: entry.stationId },
        confirmedAt: entry.acceptedAt,
        offline: false,
        bundle: null,
      };
      const promised = (entry.caseType ?? 'instant') === 'promised';
      return run(applicationSql, {
        caseNo: entry.caseNo,
        day: entry.day,
        seq: entry.seq,
        terminalId: entry.terminalId,
        stationId: entry.stationId,
        applicantIndex: entry.applicantIndex,
        acceptedAt: entry.acceptedAt,
        matterCode: entry.matterCode ?? 'M-000001',
        caseType: promised ? 'promised' : 'instant',
        promisedDays: promised ? 10 : null,
        promisedBy: promised ? (entry.promisedBy ?? entry.day) : null,
        delivery: entry.delivery ?? 'pickUp',
        agentIndex: entry.agent ? index64(`agent-${entry.caseNo}`) : null,
        agentBy: entry.agent ? 'idCardChip' : null,
        sealed: sealer.sealJson('applications.sealed_submission', entry.caseNo, submission),
      });
    },
    ticket: async (entry) => {
      await run(ticketSql, {
        ticketId: entry.ticketId,
        day: entry.day,
        seq: entry.seq,
        stationId: entry.stationId,
        number: entry.number,
        ticketNo: `A${String(entry.number).padStart(3, '0')}`,
        terminalId: entry.terminalId,
        issuedAt: entry.issuedAt,
      });
      const status = entry.status ?? 'waiting';
      await run(ticketStateSql, {
        ticketId: entry.ticketId,
        stationId: entry.stationId,
        day: entry.day,
        status,
        windowNo: status === 'waiting' ? null : 1,
        firstCalledAt: entry.firstCalledAt ?? null,
        startedAt: entry.startedAt ?? null,
        finishedAt: entry.finishedAt ?? null,
        noShowAt: entry.noShowAt ?? null,
        issuedAt: entry.issuedAt,
      });
    },
    rating: (entry) =>
      run(ratingSql, {
        ratingId: entry.ratingId,
        day: entry.day,
        seq: entry.seq,
        terminalId: entry.terminalId,
        stationId: entry.stationId,
        level: entry.level,
        subjectKind: entry.subjectKind ?? 'application',
        subjectRef: entry.subjectRef,
        at: entry.at,
        sealed: sealer.sealJson('ratings.sealed_rating', entry.ratingId, { level: entry.level }),
      }),
    workOrder: (entry) =>
      run(workOrderSql, {
        workOrderNo: entry.workOrderNo,
        day: entry.day,
        seq: entry.seq,
        ratingId: entry.ratingId,
        followUpBy: entry.followUpBy,
        status: entry.status ?? (entry.callbackAt ? 'followedUp' : 'open'),
        callbackAt: entry.callbackAt ?? null,
        satisfied: entry.satisfied === undefined ? null : entry.satisfied ? 1 : 0,
      }),
    help: (entry) =>
      run(helpSql, {
        requestId: entry.requestId,
        day: entry.day,
        seq: entry.seq,
        terminalId: entry.terminalId,
        stationId: entry.stationId,
        kind: entry.kind,
        receivedAt: entry.receivedAt,
        status: entry.completedAt ? 'done' : 'received',
        completedAt: entry.completedAt ?? null,
        requesterIndex: entry.requesterIndex ?? null,
        sealed: sealer.sealJson('assistance_requests.sealed_request', entry.requestId, { kind: entry.kind }),
      }),
    videoCall: async (entry) => {
      const requestId = `AR-${entry.day.replaceAll('-', '')}-${String(1000 + entry.seq)}`;
      const answered = entry.acceptedAt !== undefined;
      const ended = entry.endedAt !== undefined;
      await run(videoRequestSql, {
        requestId,
        day: entry.day,
        seq: 1000 + entry.seq,
        terminalId: entry.terminalId,
        stationId: entry.stationId,
        status: ended ? (answered ? 'done' : 'cancelled') : answered ? 'inProgress' : 'received',
        requestedAt: entry.requestedAt,
        completedAt: ended && answered ? (entry.endedAt ?? null) : null,
        sealed: sealer.sealJson('assistance_requests.sealed_request', requestId, { kind: 'video' }),
      });
      await run(videoCallSql, {
        callId: entry.callId,
        day: entry.day,
        seq: entry.seq,
        requestId,
        stationId: entry.stationId,
        terminalId: entry.terminalId,
        topic: entry.topic ?? 'general',
        status: ended ? 'ended' : answered ? 'connected' : 'waiting',
        endReason: entry.endReason ?? null,
        requestedAt: entry.requestedAt,
        acceptedAt: entry.acceptedAt ?? null,
        endedAt: entry.endedAt ?? null,
        waitMs: entry.waitMs ?? null,
        talkMs: entry.talkMs ?? null,
        setupMs: entry.setupMs ?? null,
        audioOnly: entry.audioOnly ? 1 : 0,
        samples: entry.quality?.samples ?? 0,
        kioskKbps: entry.quality?.kioskInboundKbps ?? null,
        agentKbps: entry.quality?.agentInboundKbps ?? null,
        loss: entry.quality?.packetLossPct ?? null,
        rtt: entry.quality?.rttMs ?? null,
        candidateType: entry.candidateType ?? null,
      });
    },
  };
}
