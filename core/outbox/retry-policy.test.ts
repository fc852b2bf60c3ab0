import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeFailure, retryDelayMs } from './retry-policy';

const http = (status: number) => ({ kind: 'http' as const, status, code: null, message: 'x' });

describe('judgeFailure', () => {
  it('retries what passes (network, timeout, 5xx, 408, 409 in flight, 429)', () => {
    for (const error of [
      { kind: 'unreachable' as const, message: 'ECONNREFUSED' },
      { kind: 'timeout' as const, message: 'after 5000 ms' },
      http(500),
      http(502),
      http(503),
      http(408),
      http(409),
      { kind: 'http' as const, status: 409, code: 'idempotencyKeyInFlight', message: 'still running' },
      http(429),
    ]) {
      expect(judgeFailure(error).kind, JSON.stringify(error)).toBe('retry');
    }
  });

  it("dead-letters any other refusal and keeps the platform's words", () => {
    for (const status of [400, 401, 403, 404, 413, 415, 422]) {
      expect(judgeFailure(http(status)).kind, String(status)).toBe('deadLetter');
    }
    const verdict = judgeFailure({ kind: 'http', status: 422, code: 'idempotencyKeyReused', message: 'other body' });
    expect(verdict.reason).toContain('422 idempotencyKeyReused: other body');
    expect(judgeFailure({ kind: 'invalidResponse', message: 'not JSON' }).kind).toBe('deadLetter');
  });

  it('dead-letters a business conflict: a second rating of the same case conflicts forever', () => {
    const verdict = judgeFailure({ kind: 'http', status: 409, code: 'ratingAlreadyExists', message: 'rated' });
    expect(verdict.kind).toBe('deadLetter');
  });
});

describe('retryDelayMs', () => {
  const backoff = { minMs: 2_000, maxMs: 300_000 };

  it('stays between half the first step and the cap, whatever the failure count and the dice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const delay = retryDelayMs(failures, backoff, () => r);
        return delay >= backoff.minMs / 2 && delay <= backoff.maxMs;
      }),
    );
  });

  it('grows with the failure count for the same dice until the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        return retryDelayMs(failures + 1, backoff, () => r) >= retryDelayMs(failures, backoff, () => r);
      }),
    );
    expect(retryDelayMs(1, backoff, () => 1)).toBe(2_000);
    expect(retryDelayMs(2, backoff, () => 1)).toBe(4_000);
    expect(retryDelayMs(50, backoff, () => 1)).toBe(300_000);
  });

  it('spreads kiosks out: the jitter covers the upper half of a step', () => {
    expect(retryDelayMs(3, backoff, () => 0)).toBe(4_000);
    expect(retryDelayMs(3, backoff, () => 1)).toBe(8_000);
  });
});
