import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../api/contract';
import { createEventBus } from '../api/events';
import type { CallContext } from '../api/types';
import type { VideoHelpIncoming } from '../api/video-help';
import { createDeviceManager } from '../devices/manager';
import { createPrintLedgerStore } from '../devices/print-ledger-store';
import type { DeviceManager } from '../devices/types';
import { trackReachability } from '../platform-client/reachability';
import { fakeBindings } from '../testing/fake-bindings';
import { fakeSession, type FakeSession } from '../testing/fake-session';
import { memoryStore } from '../testing/memory-store';
import { createResidentSession } from '../session/resident-session';
import type { ResidentSession } from '../session/resident-session-types';
import { elderlyResident, womanResident } from '../../drivers/idcard/fixtures';
import { maskCard } from '../../drivers/idcard/mask';
import type { KioskCallMessage, PlatformToKioskVideoMessage } from '../../platform/contract/video-help';
import { createVideoHelpService, type VideoHelpService, type VideoHelpSetup } from '.';
import { startFakeVideoPlatform } from './testing/fake-video-platform';

const TOKEN = 'terminal-token-video-help-0001';
const ctx: CallContext = { host: 'test', requestId: 'video-help-test' };
const SETUP: VideoHelpSetup = {
  videoHelp: { enabled: true },
  faceCamera: { mode: 'real', deviceLabel: 'HD Webcam' },
  microphone: { mode: 'emulated' },
};
const START = {
  topic: 'socialSecurity',
  matter: null,
  consent: { personalValues: false, documentCamera: true, recording: true },
  elderMode: true,
} as const;
const CALL_ID = 'VC-20261121-0001';
const queued: PlatformToKioskVideoMessage = {
  t: 'queued',
  callId: CALL_ID,
  requestId: 'AR-20261121-0007',
  position: 1,
  agentsOnDuty: 2,
};

let platform: Awaited<ReturnType<typeof startFakeVideoPlatform>>;
let devices: DeviceManager;
let fakes: ReturnType<typeof fakeBindings>;
let session: FakeSession;
let messages: VideoHelpIncoming[];
let logLines: string[];
let clockMs: number;
const services: VideoHelpService[] = [];

beforeEach(async () => {
  platform = await startFakeVideoPlatform(TOKEN);
  const db = memoryStore({ at: '2026-11-21T08:00:00.000Z' });
  fakes = fakeBindings({ withMedia: true });
  devices = createDeviceManager({
    bindings: fakes.bindings,
    ledger: createPrintLedgerStore(db, () => new Date('2026-11-21T08:00:00.000Z')),
    logger: pino({ level: 'silent' }),
  });
  devices.reportMedia('faceCamera', { state: 'online', code: 'ok', detail: 'found', identity: null });
  devices.reportMedia('microphone', { state: 'online', code: 'ok', detail: 'found', identity: null });
  session = fakeSession();
  messages = [];
  logLines = [];
  clockMs = 1_000_000;
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  await devices.close();
  await platform.close();
});

function service(
  options: {
    setup?: VideoHelpSetup | undefined;
    token?: string;
    baseUrl?: string;
    pingIntervalMs?: number;
    session?: Pick<ResidentSession, 'applicant' | 'onEnd' | 'recordCompleted'>;
  } = {},
) {
  const events = createEventBus(contract, (_event, error) => {
    throw error;
  });
  events.subscribe((event, payload) => {
    if (event === 'videoHelp.message') messages.push(payload as VideoHelpIncoming);
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const tracked = trackReachability({
    baseUrl: options.baseUrl ?? platform.baseUrl,
    token: options.token ?? TOKEN,
    timeoutMs: 2_000,
  });
  const created = createVideoHelpService({
    setup: 'setup' in options ? options.setup : SETUP,
    devices,
    platform: tracked.platform,
    reachability: tracked.reachability,
    session: options.session ?? session,
    events,
    logger: pino({ level: 'debug' }, sink),
    clock: () => clockMs,
    ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
  });
  services.push(created);
  return { ...created.handlers, reachability: tracked.reachability, stop: () => created.stop() };
}

const later = () => new Promise((resolve) => setTimeout(resolve, 30));
const links = () => messages.filter((m) => m.t === 'link');

describe('video help signalling: kiosk core to the platform socket', () => {
  it('opens the socket with the terminal token, sends the request and relays frames both ways', async () => {
    session.signIn();
    const h = service();
    const socket = platform.nextSocket();
    expect(await h['videoHelp.start'](START, ctx)).toEqual({ ok: true, value: {} });
    const kiosk = await socket;
    expect(kiosk.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await kiosk.request).toEqual({
      t: 'request',
      topic: 'socialSecurity',
      matter: null,
      // The county does not record (policy off): the recording consent is not passed on.
      consent: { personalValues: false, documentCamera: true, recording: false },
      elderMode: true,
      requesterName: '张三',
    });

    kiosk.send(queued);
    kiosk.send({ t: 'signal', signal: { kind: 'candidate', candidate: null } });
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    expect(messages).toEqual([queued, { t: 'signal', signal: { kind: 'candidate', candidate: null } }]);

    const state = {
      t: 'state' as const,
      state: {
        screen: 'apply',
        title: '城乡居民养老保险参保登记',
        step: { id: 'form', label: '填写信息' },
        steps: [],
        matter: null,
        fields: [{ id: 'phone', label: '联系电话', value: null, personal: true, proposable: true }],
        elderMode: true,
        at: '2026-11-21T08:00:00.000Z',
      },
    } satisfies KioskCallMessage;
    expect(await h['videoHelp.send'](state, ctx)).toEqual({ ok: true, value: {} });
    expect(await h['videoHelp.send']({ t: 'firstFrame', setupMs: 1200 }, ctx)).toEqual({ ok: true, value: {} });
    expect(await kiosk.nextFrame()).toEqual(state);
    expect(await kiosk.nextFrame()).toEqual({ t: 'firstFrame', setupMs: 1200 });
    // Nothing of a frame reaches the log: not the title the resident had open, not the SDP.
    expect(logLines.join('')).not.toContain('养老保险');
  });

  it('lists the call among the visit’s services once an agent answered, so the resident can rate it', async () => {
    const h = service();
    const socket = platform.nextSocket();
    expect((await h['videoHelp.start'](START, ctx)).ok).toBe(true);
    const kiosk = await socket;
    await kiosk.request;
    kiosk.send(queued);
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    // Waiting is not yet a service: a resident who gives up has nothing to rate.
    expect(session.completed()).toEqual([]);
    kiosk.send({
      t: 'accepted',
      callId: CALL_ID,
      agentName: '王芳（帮办员）',
      ice: { iceServers: [], iceTransportPolicy: 'all' },
      recording: false,
    });
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    expect(session.completed()).toMatchObject([
      { kind: 'assistance', ref: queued.requestId, title: '视频帮办', matterCode: null },
    ]);
  });

  it('allows one call at a time and answers noCall when none is on', async () => {
    const h = service();
    expect(await h['videoHelp.send']({ t: 'media', audioOnly: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'noCall' },
    });
    const socket = platform.nextSocket();
    expect((await h['videoHelp.start'](START, ctx)).ok).toBe(true);
    await (
      await socket
    ).request;
    expect(await h['videoHelp.start'](START, ctx)).toMatchObject({ ok: false, error: { code: 'alreadyInCall' } });
    expect(platform.sockets).toHaveLength(1);
  });

  it('ends the call on 挂断: hangUp with the reason, then closed; ending again does nothing', async () => {
    const h = service();
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    await kiosk.request;
    expect(await h['videoHelp.end']({ reason: 'residentHungUp' }, ctx)).toEqual({ ok: true, value: {} });
    expect(await kiosk.nextFrame()).toEqual({ t: 'hangUp', reason: 'residentHungUp' });
    expect(await kiosk.closed).toBe(1000);
    expect(await h['videoHelp.end']({ reason: 'residentHungUp' }, ctx)).toEqual({ ok: true, value: {} });
    await later();
    expect(links()).toEqual([{ t: 'link', state: 'closed' }]);
    expect(await h['videoHelp.send']({ t: 'media', audioOnly: true }, ctx)).toMatchObject({ ok: false });
    // And the next resident may call.
    const next = platform.nextSocket();
    expect((await h['videoHelp.start'](START, ctx)).ok).toBe(true);
    await (
      await next
    ).request;
  });

  it("relays the platform's ended and then says closed, not lost, when the platform closes", async () => {
    const h = service();
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    await kiosk.request;
    kiosk.send({ t: 'ended', callId: CALL_ID, reason: 'agentHungUp' });
    kiosk.socket.close(4000);
    await vi.waitFor(() => expect(links()).toHaveLength(1));
    await later();
    expect(messages).toEqual([
      { t: 'ended', callId: CALL_ID, reason: 'agentHungUp' },
      { t: 'link', state: 'closed' },
    ]);
    expect(await h['videoHelp.send']({ t: 'media', audioOnly: false }, ctx)).toMatchObject({ ok: false });
  });

  it('says lost when the socket drops during a call, and a new call can start', async () => {
    const h = service();
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    await kiosk.request;
    kiosk.send(queued);
    kiosk.socket.terminate();
    await vi.waitFor(() => expect(links()).toEqual([{ t: 'link', state: 'lost' }]));
    expect(await h['videoHelp.send']({ t: 'media', audioOnly: true }, ctx)).toMatchObject({ ok: false });
    const next = platform.nextSocket();
    expect((await h['videoHelp.start'](START, ctx)).ok).toBe(true);
    await (
      await next
    ).request;
  });

  it('says lost when the platform stops answering pings (a silent network)', async () => {
    const h = service({ pingIntervalMs: 50 });
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    await kiosk.request;
    await later();
    expect(links()).toEqual([]);
    // The platform's end stops reading: no pong comes back.
    kiosk.socket.pause();
    await vi.waitFor(() => expect(links()).toEqual([{ t: 'link', state: 'lost' }]));
  });

  it("ends the call with sessionEnded when the resident's visit ends, and on the kiosk's stop", async () => {
    const h = service();
    const first = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await first;
    await kiosk.request;
    // 结束办理, the idle reset, another person's card and technician mode all end the session.
    session.end();
    expect(await kiosk.nextFrame()).toEqual({ t: 'hangUp', reason: 'sessionEnded' });
    expect(await kiosk.closed).toBe(1000);
    expect(links()).toEqual([{ t: 'link', state: 'closed' }]);

    const second = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const again = await second;
    await again.request;
    await h.stop();
    expect(await again.nextFrame()).toEqual({ t: 'hangUp', reason: 'sessionEnded' });
    expect(await again.closed).toBe(1000);
    // After the stop, the session's end no longer reaches video help.
    session.end();
  });

  it("ends the call when another person's card is read at the kiosk (the real session)", async () => {
    const real = createResidentSession({ devices, now: () => new Date(), logger: pino({ level: 'silent' }) });
    const card = elderlyResident;
    real.signIn(
      { person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber }, proof: { kind: 'card', card } },
      'applicant',
    );
    const h = service({ session: real });
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    expect((await kiosk.request).requesterName).toBe(card.name);
    fakes.emitCard({ type: 'read', card: maskCard(womanResident) }, womanResident);
    expect(await kiosk.nextFrame()).toEqual({ t: 'hangUp', reason: 'sessionEnded' });
    expect(await kiosk.closed).toBe(1000);
    expect(links()).toEqual([{ t: 'link', state: 'closed' }]);
  });

  it('ignores off-contract frames from the platform with a log line, and keeps the call', async () => {
    const h = service();
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    const kiosk = await socket;
    await kiosk.request;
    kiosk.send('not json at all');
    // No iceTransportPolicy: off-contract.
    const incomplete: Record<string, unknown> = { t: 'accepted', callId: CALL_ID, agentName: '王芳（帮办员）' };
    kiosk.send({ ...incomplete, ice: { iceServers: [] }, recording: false });
    kiosk.send({ t: 'takeOver', please: true });
    kiosk.send(queued);
    await vi.waitFor(() => expect(messages).toEqual([queued]));
    const warnings = logLines.map((line) => JSON.parse(line) as { msg: string; t?: string; issues?: string[] });
    expect(warnings.filter((w) => w.msg === 'ignored a frame from the platform that is not JSON')).toHaveLength(1);
    const offContract = warnings.filter((w) => w.msg === 'ignored an off-contract frame from the platform');
    expect(offContract.map((w) => w.t)).toEqual(['accepted', 'takeOver']);
    expect(offContract[0]?.issues).toEqual(expect.arrayContaining(['ice.iceTransportPolicy: invalid_value']));
    expect(logLines.join('')).not.toContain('王芳');
    expect(await h['videoHelp.send']({ t: 'media', audioOnly: true }, ctx)).toEqual({ ok: true, value: {} });
  });

  it('answers notAvailable when the platform refuses the token, with no link event', async () => {
    platform.state.availability = { enabled: true, agentsOnDuty: 1, waiting: 0, recording: 'off' };
    const h = service({ token: 'terminal-token-somebody-else' });
    // Availability itself is refused (401): the platform is reachable but does not answer this kiosk.
    expect(await h['videoHelp.availability']({}, ctx)).toEqual({
      ok: true,
      value: { offered: false, reason: 'platformUnreachable' },
    });
    expect(await h['videoHelp.start'](START, ctx)).toMatchObject({ ok: false, error: { code: 'notAvailable' } });
    expect(platform.sockets).toHaveLength(0);
    expect(messages).toEqual([]);
  });
});

describe('video help availability', () => {
  const reason = async (h: ReturnType<typeof service>) => {
    const answer = await h['videoHelp.availability']({}, ctx);
    if (!answer.ok) throw new Error('availability never fails');
    return answer.value.offered ? 'offered' : answer.value.reason;
  };

  it('offers it with the config labels, the emulated flag and the recording policy', async () => {
    platform.state.availability = { enabled: true, agentsOnDuty: 3, waiting: 2, recording: 'withConsent' };
    const h = service();
    expect(await h['videoHelp.availability']({}, ctx)).toEqual({
      ok: true,
      value: {
        offered: true,
        agentsOnDuty: 3,
        waiting: 2,
        recording: 'withConsent',
        faceCameraLabel: 'HD Webcam',
        microphoneLabel: null,
        emulated: true,
      },
    });
    expect(platform.availabilityAsked).toEqual([`Bearer ${TOKEN}`]);
    // The county records with consent: the resident's recording consent goes with the request.
    const socket = platform.nextSocket();
    await h['videoHelp.start'](START, ctx);
    expect((await (await socket).request).consent.recording).toBe(true);
  });

  it('answers the first failing reason: config, face camera, microphone, platform, agents', async () => {
    expect(await reason(service({ setup: undefined }))).toBe('notConfigured');
    expect(await reason(service({ setup: { ...SETUP, videoHelp: { enabled: false } } }))).toBe('notConfigured');
    expect(await reason(service({ setup: { ...SETUP, faceCamera: undefined } }))).toBe('noFaceCamera');
    expect(await reason(service({ setup: { ...SETUP, microphone: undefined } }))).toBe('noMicrophone');
    // None of those asked the platform.
    expect(platform.availabilityAsked).toEqual([]);

    devices.reportMedia('faceCamera', { state: 'noDevice', code: 'portMissing', detail: 'gone', identity: null });
    expect(await reason(service())).toBe('noFaceCamera');
    devices.reportMedia('faceCamera', { state: 'online', code: 'ok', detail: 'back', identity: null });
    devices.reportMedia('microphone', { state: 'offline', code: 'disconnected', detail: 'gone', identity: null });
    expect(await reason(service())).toBe('noMicrophone');
    devices.reportMedia('microphone', { state: 'online', code: 'ok', detail: 'back', identity: null });

    platform.state.availability = { enabled: false, agentsOnDuty: 0, waiting: 0, recording: 'off' };
    expect(await reason(service())).toBe('platformDisabled');
    platform.state.availability = { enabled: true, agentsOnDuty: 0, waiting: 4, recording: 'off' };
    expect(await reason(service())).toBe('noAgentOnDuty');
    platform.state.availabilityStatus = 500;
    expect(await reason(service())).toBe('platformUnreachable');
    platform.state.availabilityStatus = 404;
    expect(await reason(service())).toBe('platformDisabled');
    // Nobody listening: unreachable, never a throw; then known down, the platform is not asked again.
    const down = service({ baseUrl: 'http://127.0.0.1:9/api/v1' });
    expect(await reason(down)).toBe('platformUnreachable');
    expect(down.reachability()).toBe('unreachable');
    clockMs += 10_000;
    expect(await reason(down)).toBe('platformUnreachable');
    // Not offered: start refuses without opening a socket.
    expect(await down['videoHelp.start'](START, ctx)).toMatchObject({ ok: false, error: { code: 'notAvailable' } });
    expect(platform.sockets).toHaveLength(0);
  });

  it('asks the platform at most once per 3 s however often the resident taps', async () => {
    const h = service();
    const answers = await Promise.all([1, 2, 3].map(() => reason(h)));
    expect(answers).toEqual(['offered', 'offered', 'offered']);
    clockMs += 2_900;
    expect(await reason(h)).toBe('offered');
    expect(platform.availabilityAsked).toHaveLength(1);
    // The cached answer still yields to the kiosk's own devices.
    devices.reportMedia('microphone', { state: 'userError', code: 'permissionDenied', detail: 'no', identity: null });
    expect(await reason(h)).toBe('noMicrophone');
    devices.reportMedia('microphone', { state: 'online', code: 'ok', detail: 'yes', identity: null });
    platform.state.availability = { enabled: true, agentsOnDuty: 0, waiting: 0, recording: 'off' };
    clockMs += 200;
    expect(await reason(h)).toBe('noAgentOnDuty');
    expect(platform.availabilityAsked).toHaveLength(2);
  });

  it('records the face camera and microphone the page reports', async () => {
    const h = service();
    expect(
      await h['media.reportStatus'](
        { device: 'faceCamera', state: 'userError', code: 'cameraPermissionDenied', detail: 'denied', identity: null },
        ctx,
      ),
    ).toEqual({ ok: true, value: {} });
    expect(devices.snapshot().devices.find((d) => d.device === 'faceCamera')).toMatchObject({
      state: 'userError',
      action: 'configuration',
    });
    expect(devices.snapshot().journeys.videoHelp).toBe(false);
    expect(await reason(h)).toBe('noFaceCamera');
  });
});
