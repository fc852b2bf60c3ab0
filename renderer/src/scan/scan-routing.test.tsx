import { act, cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseLookup } from '../../../core/api/care';
import type { DeviceStatus, DevicesSnapshot } from '../../../core/api/devices';
import type { CheckInReceipt } from '../../../core/api/queue';
import type { ResidentSessionState } from '../../../core/api/resident';
import { ok } from '../../../core/pure/result';
import type { Appointment } from '../../../platform/contract/appointments';
import { RATING_LEVEL_LABELS } from '../../../platform/contract/ratings';
import { renderKiosk, startVisit } from '../test/render-kiosk';
import { renderJourney } from '../journey/testing/render-journey';

const scanner: DeviceStatus = {
  device: 'qrScanner',
  mode: 'emulated',
  link: 'pty',
  state: 'online',
  code: 'ok',
  action: 'none',
  warnings: [],
  detail: 'ready',
  identity: null,
  since: '2026-11-21T08:00:00.000Z',
  lastError: null,
};
const snapshot = (withScanner: boolean): DevicesSnapshot => ({
  devices: withScanner ? [scanner] : [],
  journeys: {
    idCardSignIn: true,
    selfServiceSubmission: true,
    output: 'paper',
    keypadRating: true,
    scanCodes: withScanner,
    videoHelp: false,
  },
});

const found: CaseLookup = {
  found: 'platform',
  progress: {
    caseNo: 'AQ-20261121-0001',
    matter: { matterCode: '370784-CJ-020', matterVersion: 1, matterName: '临时救助' },
    state: 'accepted',
    stateName: '已受理',
    submittedAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-21T01:00:00.000Z',
    promisedBy: '2026-12-05',
    steps: [{ name: '村级受理', state: 'current', at: null }],
    delivery: { method: 'mail' },
    nextStep: null,
  },
};

const AT = '2026-11-21T08:00:00.000+08:00';
const options = {
  version: 'RO-2026.1',
  publishedAt: AT,
  isSample: true,
  source: 'platform' as const,
  levels: ([5, 4, 3, 2, 1] as const).map((level) => ({
    level,
    label: RATING_LEVEL_LABELS[level],
    options: [{ code: `option${level}`, label: `选项${level}` }],
  })),
};
const ticketService = (ref: string, title: string) => ({
  kind: 'ticket' as const,
  ref,
  title,
  matterCode: null,
  completedAt: AT,
  rated: false,
});

const withScanner = { 'devices.snapshot': () => ok(snapshot(true)) };
const noOne: ResidentSessionState = { applicant: null, agent: null };

/**
 * The QR scanner as the resident meets it: core classifies each read (scanner.scanned, never the
 * raw text) and the whole app, with the real shell, decides what opens.
 */
describe('a scan anywhere on the resident screens', () => {
  it("a receipt's code opens that case's progress, looked up by its number", async () => {
    const { user, fake } = renderKiosk({ handlers: { ...withScanner, 'progress.lookup': () => ok(found) } });
    await startVisit(user);
    act(() => fake.emit('scanner.scanned', { kind: 'receipt', reference: 'AQ-20261121-0001' }));
    expect(await screen.findByTestId('progress-detail')).toBeTruthy();
    expect(fake.callsTo('progress.lookup')).toEqual([{ reference: 'AQ-20261121-0001' }]);
  });

  it('scanned on the attract screen, a receipt starts the visit and opens its progress', async () => {
    const { fake } = renderKiosk({ handlers: { ...withScanner, 'progress.lookup': () => ok(found) } });
    await screen.findByTestId('attract-screen');
    act(() => fake.emit('scanner.scanned', { kind: 'receipt', reference: 'AQ-20261121-0001' }));
    expect(await screen.findByTestId('progress-detail')).toBeTruthy();
    expect(screen.queryByTestId('attract-screen')).toBeNull();
  });

  it("a ticket's code opens the rating of that ticket, even when the visit has other services", async () => {
    const { user, fake } = renderKiosk({
      handlers: {
        ...withScanner,
        'session.completedServices': () =>
          ok([ticketService('TK-20261121-0003', '取号 A003'), ticketService('TK-20261121-0012', '取号 A012')]),
        'rating.options': () => ok(options),
      },
    });
    await startVisit(user);
    act(() =>
      fake.emit('scanner.scanned', {
        kind: 'ticket',
        status: 'rateable',
        ticketNo: 'A012',
        service: { kind: 'ticket', ref: 'TK-20261121-0012' },
      }),
    );
    const form = await screen.findByTestId('rating-form');
    expect(form.dataset['ref']).toBe('TK-20261121-0012');
    expect(screen.getByTestId('rating-service-title').textContent).toContain('取号 A012');
  });

  it('a ticket rated already, or a code that is none of ours, says so plainly and leaves the screen as it was', async () => {
    const { user, fake } = renderKiosk({ handlers: withScanner });
    await startVisit(user);
    act(() =>
      fake.emit('scanner.scanned', {
        kind: 'ticket',
        status: 'alreadyRated',
        ticketNo: 'A012',
        service: { kind: 'ticket', ref: 'TK-20261121-0012' },
      }),
    );
    expect((await screen.findByTestId('scan-notice')).textContent).toContain('这张号票已经评价过了');
    act(() => fake.emit('scanner.scanned', { kind: 'other', scanId: '0b8f1d5e-4c1a-4f7e-9a55-2d7c1e3b9a10' }));
    const notice = await screen.findByTestId('scan-notice');
    expect(notice.dataset['notice']).toBe('notOurs');
    expect(notice.textContent).toContain('不是本站的回执、预约单或号票');
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    await user.click(screen.getByTestId('scan-notice-close'));
    expect(screen.queryByTestId('scan-notice')).toBeNull();
  });

  it("an appointment slip's code asks for the card (check-in is a person's record), then checks that appointment in", async () => {
    const appointment: Appointment = {
      appointmentId: 'AP-20261121-0007',
      status: 'booked',
      servicePointId: 'near-centre',
      startsAt: '2026-11-21T01:00:00.000Z',
      endsAt: '2026-11-21T01:30:00.000Z',
      matter: { matterCode: '370784-CJ-020', matterVersion: 1, matterName: '临时救助' },
      applicantName: '张*明',
      bookedAt: '2026-11-14T02:00:00.000Z',
      checkedInAt: null,
      cancelledAt: null,
    };
    const other = { ...appointment, appointmentId: 'AP-20261121-0009' };
    const checkedIn: CheckInReceipt = {
      appointment: { ...appointment, status: 'checkedIn', checkedInAt: '2026-11-21T00:55:00.000Z' },
      ticket: {
        ticketId: 'TK-20261121-A003',
        ticketNo: 'A003',
        prefix: 'A',
        number: 3,
        serviceCode: 'SOCIAL',
        serviceName: '社保医保',
        stationId: 'TEST-STATION',
        date: '2026-11-21',
        priority: { class: 'appointment', weight: 80, label: '预约优先' },
        waitingAhead: 1,
        estimatedWaitMinutes: 5,
        issuedAt: '2026-11-21T00:55:00.000Z',
        issuedBy: 'KIOSK-TEST-01',
        source: 'online',
      },
      wait: { kind: 'minutes', minutes: 5, callAt: '2026-11-21T01:00:00.000Z' },
      print: { output: 'paper', problem: null },
    };
    const signedIn: ResidentSessionState = {
      applicant: {
        role: 'applicant',
        source: 'card',
        verified: true,
        idType: 'residentIdCard',
        name: '张明',
        idNumberMasked: '3701********9973',
        cardType: 'resident',
      },
      agent: null,
    };
    const { user, fake } = renderKiosk({
      handlers: {
        ...withScanner,
        'session.state': () => ok(noOne),
        'session.signInWithCard': () => ok(signedIn),
        'serviceMap.points': () =>
          ok({
            version: '2025.1',
            publishedAt: '2025-01-01T00:00:00.000Z',
            regionCode: '370784',
            isSample: true,
            servicePoints: [],
            source: 'cache' as const,
            herePointId: null,
          }),
        'appointment.mine': () => ok({ appointments: [other, appointment] }),
        'appointment.checkIn': () => ok(checkedIn),
      },
    });
    await startVisit(user);
    act(() => fake.emit('scanner.scanned', { kind: 'appointment', appointmentId: 'AP-20261121-0007' }));
    expect((await screen.findByTestId('slip-scanned')).textContent).toContain('已读到您的预约单');
    expect((await screen.findByTestId('card-required')).textContent).toContain('需要刷身份证');
    await user.click(screen.getByTestId('sign-in-self'));
    act(() =>
      fake.emit('idCard.event', {
        type: 'read',
        card: { cardType: 'resident', nameMasked: '张*', idNumberMasked: '3701********9973' },
      }),
    );
    await user.click(await screen.findByTestId('sign-in-continue'));
    expect(await screen.findByTestId('appointment-checked-in')).toBeTruthy();
    // The scanned one, not the first of the list; no choosing.
    expect(fake.callsTo('appointment.checkIn')).toEqual([
      { confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, appointmentId: 'AP-20261121-0007' },
    ]);
  });

  it('the scan hint shows only where a scanner is configured, on the choice and on the number entry', async () => {
    const fitted = renderJourney({ kind: 'progress' }, { handlers: withScanner });
    expect((await screen.findByTestId('scan-hint')).textContent).toBe('可扫描回执上的二维码');
    await fitted.user.click(screen.getByText('输入或扫描办件编号'));
    expect(within(await screen.findByTestId('progress-entry')).getByTestId('scan-hint')).toBeTruthy();
    cleanup();

    const none = renderJourney({ kind: 'progress' });
    await none.user.click(await screen.findByText('输入办件编号'));
    const entry = await screen.findByTestId('progress-entry');
    expect(screen.queryByTestId('scan-hint')).toBeNull();
    expect(entry.textContent).not.toContain('扫');
    cleanup();

    // Check-in: the slip's code can be scanned instead of choosing, where a scanner is fitted.
    renderJourney({ kind: 'checkIn' }, { handlers: { ...withScanner, 'session.state': () => ok(noOne) } });
    expect((await screen.findByTestId('scan-hint')).textContent).toBe('可扫描预约单上的二维码');
    cleanup();
    renderJourney({ kind: 'checkIn' }, { handlers: { 'session.state': () => ok(noOne) } });
    await screen.findByTestId('card-required');
    expect(screen.queryByTestId('scan-hint')).toBeNull();
  });
});
