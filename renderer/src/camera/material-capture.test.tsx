import { readAnnouncement } from '../voice/read-announcement';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../core/pure/result';
import { ApiProvider } from '../api/api-context';
import { createI18n } from '../i18n/create-i18n';
import { createFakeHost, type FakeHandlers } from '../test/fake-host';
import type { RgbaImage } from './image/raster';
import { MaterialCapture } from './MaterialCapture';
import { paintScene } from './testing/synthetic-document';

interface FakeCamera {
  readonly mediaDevices: Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'>;
  readonly stops: ReturnType<typeof vi.fn>;
  readonly requests: MediaStreamConstraints[];
}

/** A UVC document camera with two heads, as many 高拍仪 enumerate (docs/devices/camera.md). */
function fakeCamera(failWith?: string, inputs = ['Face camera', 'Doccamera HD']): FakeCamera {
  const stops = vi.fn();
  const requests: MediaStreamConstraints[] = [];
  const track = {
    kind: 'video',
    label: 'Doccamera HD',
    stop: stops,
    getSettings: () => ({ width: 1280, height: 720 }),
  };
  // A real (happy-dom) MediaStream, so <video>.srcObject accepts it, with our fake track.
  const stream = Object.assign(new MediaStream(), { getTracks: () => [track], getVideoTracks: () => [track] });
  return {
    stops,
    requests,
    mediaDevices: {
      enumerateDevices: () =>
        Promise.resolve(
          inputs.map(
            (label, i) => ({ kind: 'videoinput', deviceId: `cam-${i}`, label, groupId: 'g' }) as MediaDeviceInfo,
          ),
        ),
      getUserMedia: (constraints) => {
        requests.push(constraints ?? {});
        return failWith ? Promise.reject(new DOMException('refused', failWith)) : Promise.resolve(stream);
      },
    },
  };
}

let sharp: RgbaImage;
let emptyDesk: RgbaImage;
beforeAll(() => {
  sharp = paintScene({ width: 1280, height: 720, angleDeg: 3, noise: 4, seed: 2 }).image;
  emptyDesk = paintScene({ width: 1280, height: 720, emptyDesk: true, noise: 4 }).image;
});
afterEach(() => cleanup());

function renderCapture(camera: FakeCamera, handlers: FakeHandlers = {}) {
  const fake = createFakeHost({ 'camera.reportStatus': () => ok({}), ...handlers });
  const frame = { current: sharp };
  const onDone = vi.fn();
  const encodeJpeg = vi.fn((page: RgbaImage) =>
    Promise.resolve(new Uint8Array([0xff, 0xd8, page.width % 256, 0xff, 0xd9])),
  );
  const view = render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <ApiProvider host={fake.host}>
        <MaterialCapture
          materialName="户口簿"
          deviceLabel="doccamera"
          onDone={onDone}
          mediaDevices={camera.mediaDevices}
          makeFrameSource={() => ({ read: () => frame.current })}
          encodeJpeg={encodeJpeg}
        />
      </ApiProvider>
    </I18nextProvider>,
  );
  return { fake, frame, onDone, encodeJpeg, view, user: userEvent.setup() };
}

describe('camera status reporting', () => {
  it('opens the input whose label matches the config at 1920×1080, reports it online, stops the track on unmount', async () => {
    const camera = fakeCamera();
    const { fake, view } = renderCapture(camera);
    await waitFor(() => expect(fake.callsTo('camera.reportStatus')).toHaveLength(1));
    expect(fake.callsTo('camera.reportStatus')[0]).toMatchObject({
      state: 'online',
      code: 'ok',
      identity: { model: 'Doccamera HD', serial: null, firmware: null },
    });
    expect(camera.requests[0]?.video).toMatchObject({ deviceId: { exact: 'cam-1' }, width: { ideal: 1920 } });
    expect(camera.stops).not.toHaveBeenCalled();
    view.unmount();
    expect(camera.stops).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['NotAllowedError', 'userError', 'cameraPermissionDenied', '高拍仪没有被允许使用'],
    ['NotReadableError', 'busy', 'cameraInUse', '高拍仪正被其他程序占用'],
  ])('%s → %s / %s, and the resident is told to ask the staff', async (name, state, code, words) => {
    const { fake } = renderCapture(fakeCamera(name));
    const panel = await screen.findByTestId('camera-unavailable');
    expect(panel.textContent).toContain(words);
    expect(fake.callsTo('camera.reportStatus')).toEqual([expect.objectContaining({ state, code, identity: null })]);
  });

  it('reports noDevice / portMissing when there is no video input at all', async () => {
    const camera = fakeCamera(undefined, []);
    const { fake } = renderCapture(camera);
    await screen.findByTestId('camera-unavailable');
    expect(fake.callsTo('camera.reportStatus')).toEqual([
      expect.objectContaining({ state: 'noDevice', code: 'portMissing' }),
    ]);
    expect(camera.requests).toHaveLength(0);
  });
});

describe('capturing a material', () => {
  // Auto-capture needs the page steady for 1 s of real time (four analyses of a 1280×720 frame).
  it(
    'auto-captures a steady page, keeps pages through a retake verdict, re-takes one page, stages one PDF',
    { timeout: 30_000 },
    async () => {
      const staged: Array<{ materialName: string; pageCount: number; pdfBase64: string }> = [];
      const { fake, frame, onDone, user } = renderCapture(fakeCamera(), {
        'capture.stage': (input) => {
          staged.push(input);
          return ok({ captureId: 'cap-1', bytes: input.pdfBase64.length, sha256: 'a'.repeat(64) });
        },
      });
      // Page 1: held steady and sharp → taken without touching anything.
      await waitFor(() => expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(1), { timeout: 8000 });
      expect(screen.getByTestId('page-count').textContent).toBe('已拍 1 页');

      // The resident takes the page away and presses 拍照 on the empty desk: told what to do, page 1 kept.
      frame.current = emptyDesk;
      await waitFor(() => expect(screen.getByTestId('camera-guidance').dataset['guidance']).toBe('noPage'));
      await user.click(screen.getByTestId('camera-shoot'));
      expect(screen.getByTestId('camera-retake').textContent).toContain('没有拍到材料');
      // In voice mode the prompt is what the announcer says now, on its own (voice-context.tsx).
      expect(readAnnouncement(document.body)).toEqual({
        kind: 'alert',
        texts: ['没有拍到材料。请把材料平放在高拍仪下，再点“拍照”。'],
      });
      expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(1);

      // Page 2 by hand.
      frame.current = sharp;
      await waitFor(() => expect(screen.getByTestId('camera-guidance').dataset['guidance']).not.toBe('noPage'));
      await user.click(screen.getByTestId('camera-shoot'));
      await waitFor(() => expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(2));

      // 重拍 page 1: the next shot replaces it, the count stays 2.
      await user.click(within(screen.getAllByTestId('page-thumbnail')[0]!).getByTestId('retake-page'));
      expect(screen.getByText('正在重拍第 1 页')).toBeTruthy();
      await user.click(screen.getByTestId('camera-shoot'));
      await waitFor(() => expect(screen.getByText('第 1 页已拍好，可以放下一页')).toBeTruthy());
      expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(2);

      await user.click(screen.getByTestId('capture-done'));
      await waitFor(() => expect(onDone).toHaveBeenCalledWith({ captureId: 'cap-1', pageCount: 2 }));
      expect(staged).toHaveLength(1);
      expect(staged[0]).toMatchObject({ materialName: '户口簿', pageCount: 2 });
      const pdf = atob(staged[0]!.pdfBase64);
      expect(pdf.startsWith('%PDF-1.4')).toBe(true);
      expect(pdf).toContain('/Count 2');
      expect(fake.callsTo('capture.stage')).toHaveLength(1);
    },
  );

  it('keeps every page when staging fails, and says so', { timeout: 30_000 }, async () => {
    const { onDone, user } = renderCapture(fakeCamera(), {
      'capture.stage': () => ({ ok: false, error: { code: 'tooManyCaptures', message: 'limit' } }),
    });
    await screen.findByTestId('camera-shoot');
    await waitFor(() => expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(1), { timeout: 8000 });
    await user.click(screen.getByTestId('capture-done'));
    await screen.findByText(/材料没有保存成功/);
    expect(readAnnouncement(document.body)).toMatchObject({
      kind: 'alert',
      texts: [expect.stringContaining('材料没有保存成功')],
    });
    expect(screen.getAllByTestId('page-thumbnail')).toHaveLength(1);
    expect(onDone).not.toHaveBeenCalled();
  });
});
