import { afterAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../contract/endpoints';
import { createTestPlatform, KIOSK_1 } from '../testing/harness';

const SAMPLE_PARAMS: Record<string, string> = {
  terminalId: KIOSK_1.id,
  stationId: KIOSK_1.stationId,
  servicePointId: 'aq-zwfw-centre',
  appointmentId: 'APPT-0001',
  caseNo: 'CASE-000001',
};

const unimplemented = ENDPOINTS.filter((ep) => !ep.implemented);
const platform = createTestPlatform();
afterAll(() => platform.close());

describe('endpoints not implemented yet', () => {
  it('are the queue, appointment, application, case and rating-submission endpoints', () => {
    expect(unimplemented.map((ep) => ep.operationId).sort()).toEqual(
      [
        'bookAppointment',
        'cancelAppointment',
        'checkInAppointment',
        'getCase',
        'getStationQueues',
        'issueTicket',
        'listAppointmentSlots',
        'reportOfflineTickets',
        'reserveTicketRange',
        'searchAppointments',
        'searchCases',
        'submitApplication',
        'submitRating',
      ].sort(),
    );
  });

  it.each(unimplemented.map((ep) => [ep.operationId, ep] as const))(
    '%s answers 501 problem+json',
    async (_name, ep) => {
      const path =
        ep.path.replace(/\{(\w+)\}/g, (_match, name: string) => SAMPLE_PARAMS[name] ?? 'x') +
        (ep.operationId === 'listAppointmentSlots' ? '?date=2026-03-01' : '');
      const response = await platform.request(ep.method.toUpperCase(), path, ep.method === 'post' ? { body: {} } : {});
      expect(response.status).toBe(501);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 501,
        code: 'notImplemented',
        type: 'urn:bianmin:problem:notImplemented',
      });
    },
  );

  it('validate path and query first: an invalid query is 422, an impossible id 404', async () => {
    const noDate = await platform.request('GET', '/api/v1/service-points/aq-zwfw-centre/appointment-slots');
    expect(noDate.status).toBe(422);
    expect(noDate.json()).toMatchObject({ code: 'validationFailed', errors: [{ path: '/date' }] });
    expect((await platform.request('GET', '/api/v1/cases/no!such')).status).toBe(404);
  });

  it('still enforce the protocol first: token, own scope, Idempotency-Key', async () => {
    expect((await platform.request('POST', '/api/v1/ratings', { token: null, body: {} })).status).toBe(401);
    expect((await platform.request('GET', '/api/v1/stations/station-2/queues')).status).toBe(403);
    expect((await platform.request('POST', '/api/v1/ratings', { body: {}, idempotencyKey: null })).status).toBe(400);
  });
});
