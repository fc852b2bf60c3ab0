import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../contract/console/endpoints';
import { recordingUploadPath, uploadRecording } from './recording-upload';

describe('recording upload', () => {
  it('posts the webm bytes to the call with the session CSRF token', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const blob = new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], { type: 'video/webm' });
    const result = await uploadRecording(
      (url, init) => {
        calls.push({ url, init });
        return Promise.resolve(new Response(null, { status: 201 }));
      },
      'csrf-123',
      'VC-20260301-0001',
      blob,
    );
    expect(result).toEqual({ ok: true, value: { bytes: 4 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/console/api/video-calls/VC-20260301-0001/recording');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'video/webm', [CSRF_HEADER]: 'csrf-123' });
    expect(calls[0]?.init.body).toBe(blob);
    expect(recordingUploadPath('VC/1')).toBe('/console/api/video-calls/VC%2F1/recording');
  });

  it('answers a refusal, a network failure, and no session without sending', async () => {
    const blob = new Blob(['x'], { type: 'video/webm' });
    expect(
      await uploadRecording(() => Promise.resolve(new Response(null, { status: 403 })), 't', 'VC-20260301-0001', blob),
    ).toEqual({
      ok: false,
      error: { kind: 'refused', status: 403 },
    });
    const down = await uploadRecording(
      () => Promise.reject(new TypeError('Failed to fetch')),
      't',
      'VC-20260301-0001',
      blob,
    );
    expect(down).toEqual({ ok: false, error: { kind: 'network', detail: 'Failed to fetch' } });
    let sent = false;
    const none = await uploadRecording(
      () => {
        sent = true;
        return Promise.resolve(new Response(null, { status: 201 }));
      },
      null,
      'VC-20260301-0001',
      blob,
    );
    expect(none).toEqual({ ok: false, error: { kind: 'noSession' } });
    expect(sent).toBe(false);
  });
});
