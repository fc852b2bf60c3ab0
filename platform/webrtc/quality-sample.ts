import type { CallQualitySample } from '../contract/video-help';

/**
 * Turns one getStats() report into a `CallQualitySample` (W3C webrtc-stats): bitrates and loss
 * over the interval since the previous report, the selected candidate pair's round-trip time and
 * the local candidate's type ('relay' when the call goes through TURN). Pure over the report's
 * entries, so it is tested with plain objects (quality-sample.test.ts) as well as in Chromium.
 */

export interface StatsMemory {
  previous: {
    readonly atMs: number;
    readonly bytesSent: number;
    readonly bytesReceived: number;
    readonly packetsLost: number;
    readonly packetsReceived: number;
  } | null;
}

type Entry = Record<string, unknown> & { type?: unknown; id?: unknown };

const CANDIDATE_TYPES = ['host', 'srflx', 'prflx', 'relay'] as const;

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** `report` is an RTCStatsReport or any map of stats ids to stats objects. */
export function qualityFromReport(
  report: { forEach(callback: (value: Entry, key: string) => void): void },
  memory: StatsMemory,
  nowMs: number,
): Omit<CallQualitySample, 'audioOnly'> & { availableOutgoingKbps: number | null } {
  const entries = new Map<string, Entry>();
  report.forEach((value, key) => entries.set(key, value));
  let bytesSent = 0;
  let bytesReceived = 0;
  let packetsLost = 0;
  let packetsReceived = 0;
  let framesDecoded = 0;
  let selectedPairId: string | null = null;
  for (const stat of entries.values()) {
    if (stat.type === 'outbound-rtp') bytesSent += num(stat['bytesSent']);
    else if (stat.type === 'inbound-rtp') {
      bytesReceived += num(stat['bytesReceived']);
      packetsLost += Math.max(0, num(stat['packetsLost']));
      packetsReceived += num(stat['packetsReceived']);
      framesDecoded += num(stat['framesDecoded']);
    } else if (stat.type === 'transport' && typeof stat['selectedCandidatePairId'] === 'string') {
      selectedPairId = stat['selectedCandidatePairId'];
    }
  }
  // Firefox has no transport.selectedCandidatePairId: the nominated, succeeded pair is the one.
  const pair =
    (selectedPairId !== null ? entries.get(selectedPairId) : undefined) ??
    [...entries.values()].find(
      (stat) => stat.type === 'candidate-pair' && stat['nominated'] === true && stat['state'] === 'succeeded',
    );
  const local =
    pair && typeof pair['localCandidateId'] === 'string' ? entries.get(pair['localCandidateId']) : undefined;
  const candidateType = CANDIDATE_TYPES.find((known) => known === local?.['candidateType']) ?? null;
  const rtt = pair?.['currentRoundTripTime'];
  const available = pair?.['availableOutgoingBitrate'];

  const previous = memory.previous;
  const seconds = previous ? Math.max(0.001, (nowMs - previous.atMs) / 1000) : 0;
  const kbps = (now: number, before: number) =>
    previous && seconds > 0 ? Math.max(0, ((now - before) * 8) / 1000 / seconds) : 0;
  const lostNow = previous ? Math.max(0, packetsLost - previous.packetsLost) : packetsLost;
  const receivedNow = previous ? Math.max(0, packetsReceived - previous.packetsReceived) : packetsReceived;
  const loss = lostNow + receivedNow > 0 ? (100 * lostNow) / (lostNow + receivedNow) : 0;
  const sample = {
    at: new Date(nowMs).toISOString(),
    outboundKbps: round(kbps(bytesSent, previous?.bytesSent ?? 0)),
    inboundKbps: round(kbps(bytesReceived, previous?.bytesReceived ?? 0)),
    inboundBytes: Math.round(bytesReceived),
    packetLossPct: round(Math.min(100, loss)),
    rttMs: typeof rtt === 'number' && Number.isFinite(rtt) ? round(rtt * 1000) : null,
    framesDecoded: Math.round(framesDecoded),
    candidateType,
    availableOutgoingKbps: typeof available === 'number' && Number.isFinite(available) ? round(available / 1000) : null,
  };
  memory.previous = { atMs: nowMs, bytesSent, bytesReceived, packetsLost, packetsReceived };
  return sample;
}

const round = (value: number): number => Math.round(value * 10) / 10;
