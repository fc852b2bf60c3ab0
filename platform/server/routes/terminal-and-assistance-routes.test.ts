import { afterEach, describe, expect, it } from 'vitest';
import type { AssistanceRequestState } from '../../contract/assistance';
import type { HeartbeatAck } from '../../contract/fleet';
import type { InspectionReceipt } from '../../contract/terminals';
import { assistanceRequestCount } from '../store/assistance-requests';
import { heartbeatCount } from '../store/heartbeats';
import { callbackRequestBody, heartbeatBody, inspectionBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_1, KIOSK_2, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

describe('POST /api/v1/terminals/{terminalId}/heartbeats', () => {
  it('records the heartbeat, marks the terminal seen and tells it the current versions', async () => {
    platform = await createTestPlatform({ now: () => new Date('2026-03-01T00:30:00Z') });
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, {
      body: heartbeatBody(),
    });
    expect(response.status).toBe(202);
    expect(response.json<HeartbeatAck>()).toEqual({
      receivedAt: '2026-03-01T00:30:00.000Z',
      catalogVersion: 'test-1',
      ratingOptionsVersion: '2025.1',
      servicePointsVersion: '2025.2-sample',
      heartbeatIntervalSeconds: 60,
      commands: [],
    });
    expect(await heartbeatCount(platform.sql, KIOSK_1.id)).toBe(1);
    const seen = await platform.sql.get<{ last_seen_at: string }>(
      'SELECT last_seen_at FROM terminals WHERE terminal_id = ?',
      [KIOSK_1.id],
    );
    expect(seen?.last_seen_at).toBe('2026-03-01T00:30:00.000Z');
  });

  it('answers 422 validationFailed with field paths for a body that breaks the contract', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, {
      body: heartbeatBody({
        outbox: { pending: -1, oldestPendingAt: null, oldestPendingAgeSeconds: null, deadLetters: 0 },
      }),
    });
    expect(response.status).toBe(422);
    expect(response.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toContain('/outbox/pending');
    expect(await heartbeatCount(platform.sql, KIOSK_1.id)).toBe(0);
  });

  it('refuses a heartbeat with a key the contract does not name: no message text or name rides along', async () => {
    platform = await createTestPlatform();
    const path = `/api/v1/terminals/${KIOSK_1.id}/heartbeats`;
    const body = heartbeatBody();
    const [printer, ...rest] = body.devices;
    for (const leaky of [
      { ...body, residentName: '张三丰' },
      { ...body, devices: [{ ...printer, detail: 'card 370784195001011234 stuck' }, ...rest] },
      { ...body, outbox: { ...body.outbox, lastError: 'platform refused 13800001234' } },
    ]) {
      const response = await platform.request('POST', path, { body: leaky });
      expect(response.status).toBe(422);
    }
    expect(await heartbeatCount(platform.sql, KIOSK_1.id)).toBe(0);
  });

  it('answers 400 malformedJson and 415 for bodies that are not JSON', async () => {
    platform = await createTestPlatform();
    const path = `/api/v1/terminals/${KIOSK_1.id}/heartbeats`;
    const malformed = await platform.request('POST', path, {
      body: new TextEncoder().encode('{"sentAt":'),
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformedJson' });
    const wrongType = await platform.request('POST', path, { body: heartbeatBody(), contentType: 'text/plain' });
    expect(wrongType.status).toBe(415);
  });

  it('answers 413 for a JSON body over the cap', async () => {
    platform = await createTestPlatform({ limits: { jsonMaxBytes: 100 } });
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, {
      body: heartbeatBody(),
    });
    expect(response.status).toBe(413);
  });
});

describe('POST /api/v1/terminals/{terminalId}/inspections', () => {
  it('stores the report under a readable id numbered per China day', async () => {
    // 2026-03-01T16:30Z is already 2 March in China Standard Time.
    platform = await createTestPlatform({ now: () => new Date('2026-03-01T16:30:00Z') });
    const path = `/api/v1/terminals/${KIOSK_1.id}/inspections`;
    const first = (await platform.request('POST', path, { body: inspectionBody() })).json<InspectionReceipt>();
    const second = (
      await platform.request('POST', path, { body: inspectionBody({ outcome: 'normal' }) })
    ).json<InspectionReceipt>();
    expect([first.inspectionId, second.inspectionId]).toEqual(['INSP-20260302-0001', 'INSP-20260302-0002']);
  });

  it('refuses a report that finishes before it starts', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/inspections`, {
      body: inspectionBody({ finishedAt: '2026-03-01T08:00:00+08:00' }),
    });
    expect(response.status).toBe(422);
  });
});

describe('assistance requests', () => {
  it('stores a request and answers with its id, status and Location; the terminal can read it back', async () => {
    platform = await createTestPlatform({ now: () => new Date('2026-03-01T02:00:00Z') });
    const created = await platform.request('POST', '/api/v1/assistance-requests', { body: callbackRequestBody() });
    expect(created.status).toBe(201);
    const state = created.json<AssistanceRequestState>();
    expect(state).toMatchObject({ requestId: 'AR-20260301-0001', kind: 'callback', status: 'received' });
    expect(created.headers.get('location')).toBe('/api/v1/assistance-requests/AR-20260301-0001');

    const read = await platform.request('GET', '/api/v1/assistance-requests/AR-20260301-0001');
    expect(read.json()).toEqual(state);
    const other = await platform.request('GET', '/api/v1/assistance-requests/AR-20260301-0001', {
      token: KIOSK_2.token,
    });
    expect(other.status).toBe(404);
  });

  it('needs an address for a home visit', async () => {
    platform = await createTestPlatform();
    const { preferredTime: _unused, ...base } = { ...callbackRequestBody(), kind: 'homeVisit' as const };
    const response = await platform.request('POST', '/api/v1/assistance-requests', {
      body: { ...base, preferredDate: null },
    });
    expect(response.status).toBe(422);
    expect(await assistanceRequestCount(platform.sql)).toBe(0);

    const withAddress = await platform.request('POST', '/api/v1/assistance-requests', {
      body: { ...base, preferredDate: null, address: '东景芝村三组12号' },
    });
    expect(withAddress.status).toBe(201);
    expect(withAddress.json()).toMatchObject({ kind: 'homeVisit', expectedContactWithinHours: 48 });
  });

  it("refuses a request for another terminal's station", async () => {
    platform = await createTestPlatform();
    const response = await platform.request('POST', '/api/v1/assistance-requests', {
      body: callbackRequestBody(KIOSK_2.stationId),
    });
    expect(response.status).toBe(422);
    expect(await assistanceRequestCount(platform.sql)).toBe(0);
  });
});
