import { describe, expect, it } from 'vitest';
import { ok } from '../../../core/pure/result';
import { createFakeHost } from '../test/fake-host';
import { answerScreenshotRequests, captureOwnTab } from './screenshot-responder';

const REQUEST = 'a1b2c3d4e5f60718';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page’s answer to a screenshot request', () => {
  const host = () => createFakeHost({ 'host.screenshotTaken': () => ok({}) });

  it('answers notAttract without capturing anything when a visit is on screen', async () => {
    const fake = host();
    let captures = 0;
    const stop = answerScreenshotRequests(fake.host.client, {
      onAttract: () => false,
      capture: () => Promise.resolve(String(++captures)),
    });
    fake.emit('screenshot.requested', { requestId: REQUEST });
    await settle();
    expect(captures).toBe(0);
    expect(fake.callsTo('host.screenshotTaken')).toEqual([{ requestId: REQUEST, outcome: 'notAttract' }]);
    stop();
  });

  it('sends the capture from the attract screen, refuses one a visit started during, and reports a failure', async () => {
    const fake = host();
    let attract = true;
    let capture = () => Promise.resolve('iVBORw0KGgo=');
    const stop = answerScreenshotRequests(fake.host.client, { onAttract: () => attract, capture: () => capture() });
    fake.emit('screenshot.requested', { requestId: REQUEST });
    await settle();
    capture = () => {
      attract = false;
      return Promise.resolve('iVBORw0KGgo=');
    };
    fake.emit('screenshot.requested', { requestId: REQUEST });
    await settle();
    attract = true;
    capture = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    fake.emit('screenshot.requested', { requestId: REQUEST });
    await settle();
    expect(fake.callsTo('host.screenshotTaken')).toEqual([
      { requestId: REQUEST, outcome: 'captured', pngBase64: 'iVBORw0KGgo=' },
      { requestId: REQUEST, outcome: 'notAttract' },
      { requestId: REQUEST, outcome: 'captureFailed' },
    ]);
    stop();
  });

  it('asks for this tab only and stops every track even when no frame can be drawn', async () => {
    const stopped: string[] = [];
    const asked: unknown[] = [];
    const track = (id: string) => ({ stop: () => stopped.push(id) });
    const stream = { getTracks: () => [track('video'), track('audio')] } as unknown as MediaStream;
    const page = {
      navigator: {
        mediaDevices: {
          getDisplayMedia: (options: unknown) => {
            asked.push(options);
            return Promise.resolve(stream);
          },
        },
      },
      document,
      setTimeout: window.setTimeout.bind(window),
      clearTimeout: window.clearTimeout.bind(window),
    } as unknown as Window;
    // happy-dom plays no video: the capture fails, and the tracks are stopped all the same.
    await expect(captureOwnTab(page)).rejects.toThrow();
    expect(asked).toEqual([{ video: true, audio: false, preferCurrentTab: true }]);
    expect(stopped).toEqual(['video', 'audio']);
  });
});
