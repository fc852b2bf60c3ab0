import type { Session } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEvent, FakeSession } from '../test/fake-electron';
import { recordingLogger } from '../test/recording-logger';
import { allowPermissionCheck, allowPermissionRequest } from './permissions';
import { lockDownSession } from './session-lockdown';

const OUR_PAGE = 'app://kiosk/index.html';

describe('permission requests (setPermissionRequestHandler)', () => {
  let session: FakeSession;

  /** Runs one request through the installed handler and returns what it answered. */
  function request(permission: string, details: Record<string, unknown>): boolean {
    const handler = session.permissionRequestHandler;
    if (!handler) throw new Error('no permission request handler installed');
    let answer: boolean | undefined;
    handler({}, permission, (granted) => (answer = granted), details);
    if (answer === undefined) throw new Error('the handler never answered');
    return answer;
  }

  beforeEach(() => {
    session = new FakeSession('kiosk-session');
    lockDownSession(session as unknown as Session, recordingLogger().logger);
  });

  it('grants the camera (video only) to our main frame', () => {
    expect(request('media', { isMainFrame: true, requestingUrl: OUR_PAGE, mediaTypes: ['video'] })).toBe(true);
    expect(
      request('media', {
        isMainFrame: true,
        requestingUrl: OUR_PAGE,
        mediaTypes: ['video'],
        securityOrigin: 'app://kiosk',
      }),
    ).toBe(true);
  });

  it('denies the camera to a subframe of our page', () => {
    expect(request('media', { isMainFrame: false, requestingUrl: OUR_PAGE, mediaTypes: ['video'] })).toBe(false);
  });

  it.each(['https://evil.example/', 'app://kiosk.evil/index.html', 'file:///tmp/x.html', 'app://kiosk@evil/'])(
    'denies the camera to another origin: %s',
    (requestingUrl) => {
      expect(request('media', { isMainFrame: true, requestingUrl, mediaTypes: ['video'] })).toBe(false);
    },
  );

  it('denies the camera when the security origin is foreign even if the URL looks like ours', () => {
    expect(
      request('media', {
        isMainFrame: true,
        requestingUrl: OUR_PAGE,
        mediaTypes: ['video'],
        securityOrigin: 'https://evil.example',
      }),
    ).toBe(false);
  });

  it('denies the microphone, alone or with the camera, and a media request naming no type', () => {
    expect(request('media', { isMainFrame: true, requestingUrl: OUR_PAGE, mediaTypes: ['audio'] })).toBe(false);
    expect(request('media', { isMainFrame: true, requestingUrl: OUR_PAGE, mediaTypes: ['video', 'audio'] })).toBe(
      false,
    );
    expect(request('media', { isMainFrame: true, requestingUrl: OUR_PAGE, mediaTypes: [] })).toBe(false);
    expect(request('media', { isMainFrame: true, requestingUrl: OUR_PAGE })).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'hid',
    'serial',
    'usb',
    'midi',
    'midiSysex',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'fileSystem',
    'pointerLock',
    'fullscreen',
    'unknown',
  ])('denies %s even to our main frame', (permission) => {
    expect(request(permission, { isMainFrame: true, requestingUrl: OUR_PAGE })).toBe(false);
  });
});

describe('permission checks (setPermissionCheckHandler)', () => {
  let session: FakeSession;

  function check(permission: string, requestingOrigin: string, details: Record<string, unknown>): boolean {
    const handler = session.permissionCheckHandler;
    if (!handler) throw new Error('no permission check handler installed');
    return handler(null, permission, requestingOrigin, details);
  }

  beforeEach(() => {
    session = new FakeSession('kiosk-session');
    lockDownSession(session as unknown as Session, recordingLogger().logger);
  });

  it('allows the camera check for our main frame only', () => {
    expect(check('media', 'app://kiosk', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://kiosk', { isMainFrame: false, mediaType: 'video' })).toBe(false);
    expect(check('media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(check('media', 'app://kiosk.evil', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(
      check('media', 'app://kiosk', { isMainFrame: true, mediaType: 'video', embeddingOrigin: 'https://evil.example' }),
    ).toBe(false);
  });

  it('denies microphone and unknown media checks', () => {
    expect(check('media', 'app://kiosk', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check('media', 'app://kiosk', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(check(permission, 'app://kiosk', { isMainFrame: true })).toBe(false);
    },
  );
});

describe('device pickers and downloads', () => {
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession('kiosk-session');
    lockDownSession(session as unknown as Session, recordingLogger().logger);
  });

  it('denies every device permission', () => {
    expect(session.devicePermissionHandler?.({ deviceType: 'hid', origin: 'app://kiosk' })).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'serial', origin: 'app://kiosk' })).toBe(false);
  });

  it.each([
    ['select-hid-device', (callback: (...args: unknown[]) => void) => [{ deviceList: [{ deviceId: 'h1' }] }, callback]],
    ['select-usb-device', (callback: (...args: unknown[]) => void) => [{ deviceList: [{ deviceId: 'u1' }] }, callback]],
    ['select-serial-port', (callback: (...args: unknown[]) => void) => [[{ portId: 'p1' }], {}, callback]],
  ] as const)('cancels the %s picker without choosing a device', (eventName, argsFor) => {
    const event = fakeEvent();
    const chosen: unknown[][] = [];
    expect(session.listenerCount(eventName)).toBe(1);
    session.emit(eventName, event, ...argsFor((...args) => chosen.push(args)));
    expect(event.defaultPrevented).toBe(true);
    expect(chosen).toHaveLength(1);
    // No argument or an empty id cancels; a real id would hand the device over.
    expect(chosen[0]?.filter((arg) => arg !== '' && arg !== undefined)).toEqual([]);
  });

  it('refuses downloads', () => {
    const event = fakeEvent();
    session.emit('will-download', event, { getURL: () => 'app://kiosk/receipt.pdf' }, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('the pure decisions', () => {
  it('never grants anything but media', () => {
    for (const permission of ['geolocation', 'notifications', 'hid', 'usb', 'serial']) {
      expect(
        allowPermissionRequest({ permission, isMainFrame: true, requestingUrl: OUR_PAGE, mediaTypes: ['video'] }),
      ).toBe(false);
      expect(
        allowPermissionCheck({ permission, requestingOrigin: 'app://kiosk', isMainFrame: true, mediaType: 'video' }),
      ).toBe(false);
    }
  });
});
