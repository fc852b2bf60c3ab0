import { describe, expect, it, vi } from 'vitest';
import { paintScene } from './testing/synthetic-document';
import { captureTestFrame } from './index';

function camera(failWith?: string) {
  const stop = vi.fn();
  const track = { label: 'Doccamera', stop, getSettings: () => ({}) };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  const mediaDevices = {
    enumerateDevices: () =>
      Promise.resolve([{ kind: 'videoinput', deviceId: 'd', label: 'Doccamera' } as MediaDeviceInfo]),
    getUserMedia: () => (failWith ? Promise.reject(new DOMException('no', failWith)) : Promise.resolve(stream)),
  };
  return { stop, mediaDevices };
}

describe('captureTestFrame (technician test)', () => {
  it('measures one frame and closes the camera again', async () => {
    const { stop, mediaDevices } = camera();
    const frame = paintScene({ width: 640, height: 360, angleDeg: 2 }).image;
    const outcome = await captureTestFrame({ mediaDevices, readFrame: () => Promise.resolve(frame) });
    expect(outcome).toMatchObject({ ok: true, width: 640, height: 360 });
    if (outcome.ok) expect(outcome.sharpness).toBeGreaterThan(100);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('answers with the device code when the camera cannot be opened', async () => {
    expect(await captureTestFrame({ mediaDevices: camera('NotReadableError').mediaDevices })).toEqual({
      ok: false,
      code: 'cameraInUse',
    });
  });

  it('answers noFrame, and still closes the camera, when no frame arrives', async () => {
    const { stop, mediaDevices } = camera();
    expect(await captureTestFrame({ mediaDevices, readFrame: () => Promise.resolve(null) })).toEqual({
      ok: false,
      code: 'noFrame',
    });
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
