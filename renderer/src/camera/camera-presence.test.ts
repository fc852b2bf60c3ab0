import { describe, expect, it } from 'vitest';
import { cameraPresence } from './camera-presence';

const devices = (...kinds: MediaDeviceKind[]) => ({
  enumerateDevices: () =>
    Promise.resolve(kinds.map((kind, i) => ({ kind, deviceId: `d${i}`, label: '', groupId: 'g' }) as MediaDeviceInfo)),
});

describe('camera presence', () => {
  it('is online when a video input is listed, without opening it', async () => {
    expect(await cameraPresence(devices('audioinput', 'videoinput'))).toMatchObject({ state: 'online', code: 'ok' });
  });

  it('is noDevice when no camera is attached or the API is missing', async () => {
    expect(await cameraPresence(devices('audioinput'))).toMatchObject({ state: 'noDevice', code: 'portMissing' });
    expect(await cameraPresence(undefined)).toMatchObject({ state: 'noDevice' });
  });

  it('is offline when enumeration fails', async () => {
    const broken = { enumerateDevices: () => Promise.reject(new Error('boom')) };
    expect(await cameraPresence(broken)).toMatchObject({ state: 'offline', code: 'noResponse' });
  });
});
