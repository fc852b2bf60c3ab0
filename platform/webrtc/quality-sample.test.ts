import { describe, expect, it } from 'vitest';
import { qualityFromReport, type StatsMemory } from './quality-sample';

/**
 * getStats() reports as plain maps of W3C webrtc-stats entries (https://www.w3.org/TR/webrtc-stats/),
 * shaped like Chromium's and Firefox's; the same code runs against real reports in
 * tests/integration/webrtc/call-peer-chromium.test.ts.
 */
type Stat = Record<string, unknown> & { id: string; type: string };

const report = (...stats: Stat[]) => new Map(stats.map((stat) => [stat.id, stat] as const));

interface Counters {
  sent?: number;
  received?: number;
  lost?: number;
  packets?: number;
  frames?: number;
}

/** One inbound and one outbound video stream, a transport and two candidate pairs (one selected). */
function chromiumLike(counters: Counters, pair: { selected?: string; relay?: boolean } = {}): Map<string, Stat> {
  return report(
    { id: 'OT1', type: 'outbound-rtp', kind: 'video', bytesSent: counters.sent ?? 0 },
    {
      id: 'IT1',
      type: 'inbound-rtp',
      kind: 'video',
      bytesReceived: counters.received ?? 0,
      packetsLost: counters.lost ?? 0,
      packetsReceived: counters.packets ?? 0,
      framesDecoded: counters.frames ?? 0,
    },
    { id: 'T1', type: 'transport', selectedCandidatePairId: pair.selected ?? 'CP-good' },
    {
      id: 'CP-good',
      type: 'candidate-pair',
      localCandidateId: pair.relay ? 'L-relay' : 'L-host',
      remoteCandidateId: 'R1',
      state: 'succeeded',
      nominated: true,
      currentRoundTripTime: 0.042,
      availableOutgoingBitrate: 1_234_000,
    },
    {
      id: 'CP-other',
      type: 'candidate-pair',
      localCandidateId: 'L-srflx',
      remoteCandidateId: 'R1',
      state: 'succeeded',
      nominated: false,
      currentRoundTripTime: 0.5,
    },
    { id: 'L-host', type: 'local-candidate', candidateType: 'host' },
    { id: 'L-srflx', type: 'local-candidate', candidateType: 'srflx' },
    { id: 'L-relay', type: 'local-candidate', candidateType: 'relay' },
    { id: 'R1', type: 'remote-candidate', candidateType: 'host' },
  );
}

const T0 = Date.parse('2025-03-01T08:00:00.000Z');

describe('qualityFromReport', () => {
  it('gives no bitrate on the first sample (no interval yet) but the cumulative bytes and frames', () => {
    const memory: StatsMemory = { previous: null };
    const sample = qualityFromReport(chromiumLike({ sent: 50_000, received: 80_000, frames: 30 }), memory, T0);
    expect(sample).toMatchObject({
      at: '2025-03-01T08:00:00.000Z',
      outboundKbps: 0,
      inboundKbps: 0,
      inboundBytes: 80_000,
      framesDecoded: 30,
      rttMs: 42,
      candidateType: 'host',
      availableOutgoingKbps: 1234,
    });
    expect(memory.previous).toEqual({
      atMs: T0,
      bytesSent: 50_000,
      bytesReceived: 80_000,
      packetsLost: 0,
      packetsReceived: 0,
    });
  });

  it('measures bitrates over the interval since the previous sample', () => {
    const memory: StatsMemory = { previous: null };
    qualityFromReport(chromiumLike({ sent: 100_000, received: 200_000 }), memory, T0);
    // 5 s later: +250 000 bytes out (400 kbit/s), +500 000 bytes in (800 kbit/s).
    const sample = qualityFromReport(chromiumLike({ sent: 350_000, received: 700_000 }), memory, T0 + 5_000);
    expect(sample.outboundKbps).toBe(400);
    expect(sample.inboundKbps).toBe(800);
    expect(sample.inboundBytes).toBe(700_000);
    // A counter that went backwards (a restarted stream) is not a negative bitrate.
    const after = qualityFromReport(chromiumLike({ sent: 10, received: 10 }), memory, T0 + 10_000);
    expect(after.outboundKbps).toBe(0);
    expect(after.inboundKbps).toBe(0);
  });

  it('sums the bytes of every stream of a kind (audio, face and document)', () => {
    const memory: StatsMemory = { previous: null };
    const stats = chromiumLike({ sent: 1_000, received: 2_000 });
    stats.set('OT2', { id: 'OT2', type: 'outbound-rtp', kind: 'audio', bytesSent: 3_000 });
    stats.set('IT2', { id: 'IT2', type: 'inbound-rtp', kind: 'audio', bytesReceived: 4_000, packetsReceived: 10 });
    const sample = qualityFromReport(stats, memory, T0);
    expect(sample.inboundBytes).toBe(6_000);
    expect(memory.previous?.bytesSent).toBe(4_000);
  });

  it('takes loss over the interval, not since the call began', () => {
    const memory: StatsMemory = { previous: null };
    // A bad first minute: 100 lost of 1 000.
    const first = qualityFromReport(chromiumLike({ lost: 100, packets: 900 }), memory, T0);
    expect(first.packetLossPct).toBe(10);
    // Then 1 000 more received and none lost: this interval had no loss, though 5 % overall.
    const clean = qualityFromReport(chromiumLike({ lost: 100, packets: 1_900 }), memory, T0 + 5_000);
    expect(clean.packetLossPct).toBe(0);
    // Then 30 lost of 100: 30 % in this interval (cumulative would say 6.5 %).
    const lossy = qualityFromReport(chromiumLike({ lost: 130, packets: 1_970 }), memory, T0 + 10_000);
    expect(lossy.packetLossPct).toBe(30);
    // No packets at all in an interval (video paused): no loss rather than a division by zero.
    const idle = qualityFromReport(chromiumLike({ lost: 130, packets: 1_970 }), memory, T0 + 15_000);
    expect(idle.packetLossPct).toBe(0);
  });

  it("follows the transport's selectedCandidatePairId, not any nominated pair", () => {
    const memory: StatsMemory = { previous: null };
    const sample = qualityFromReport(chromiumLike({}, { selected: 'CP-other' }), memory, T0);
    expect(sample.candidateType).toBe('srflx');
    expect(sample.rttMs).toBe(500);
    expect(sample.availableOutgoingKbps).toBeNull();
  });

  it('reports relay when the selected pair goes through TURN', () => {
    const sample = qualityFromReport(chromiumLike({}, { relay: true }), { previous: null }, T0);
    expect(sample.candidateType).toBe('relay');
  });

  it('falls back to the nominated, succeeded pair where the transport names none (Firefox)', () => {
    const stats = chromiumLike({}, { relay: true });
    stats.set('T1', { id: 'T1', type: 'transport' });
    // A nominated pair still in progress is not the one in use.
    stats.set('CP-early', {
      id: 'CP-early',
      type: 'candidate-pair',
      localCandidateId: 'L-srflx',
      state: 'in-progress',
      nominated: true,
    });
    const sample = qualityFromReport(stats, { previous: null }, T0);
    expect(sample.candidateType).toBe('relay');
    expect(sample.rttMs).toBe(42);
  });

  it('has no pair, type or round trip before ICE selected one', () => {
    const sample = qualityFromReport(
      report(
        { id: 'T1', type: 'transport' },
        { id: 'CP', type: 'candidate-pair', localCandidateId: 'L', state: 'waiting', nominated: false },
        { id: 'L', type: 'local-candidate', candidateType: 'host' },
      ),
      { previous: null },
      T0,
    );
    expect(sample).toMatchObject({ candidateType: null, rttMs: null, availableOutgoingKbps: null, inboundBytes: 0 });
  });

  it('ignores counters that are not finite numbers and unknown candidate types', () => {
    const stats = chromiumLike({});
    stats.set('IT1', { id: 'IT1', type: 'inbound-rtp', bytesReceived: 'lots', packetsLost: -5, framesDecoded: NaN });
    stats.set('L-host', { id: 'L-host', type: 'local-candidate', candidateType: 'mystery' });
    const sample = qualityFromReport(stats, { previous: null }, T0);
    expect(sample).toMatchObject({ inboundBytes: 0, packetLossPct: 0, framesDecoded: 0, candidateType: null });
  });
});
