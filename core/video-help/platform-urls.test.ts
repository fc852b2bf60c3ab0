import { describe, expect, it } from 'vitest';
import { AVAILABILITY_PATH, kioskSocketUrl } from './platform-urls';

describe('video help platform URLs', () => {
  it('puts the socket beside the API base, wss for https, keeping a proxy prefix', () => {
    expect(kioskSocketUrl('https://platform.example.gov.cn/api/v1')).toBe(
      'wss://platform.example.gov.cn/api/v1/video-help/signal',
    );
    expect(kioskSocketUrl('http://127.0.0.1:4410/api/v1/')).toBe('ws://127.0.0.1:4410/api/v1/video-help/signal');
    expect(kioskSocketUrl('https://gw.example.gov.cn/anqiu/api/v1')).toBe(
      'wss://gw.example.gov.cn/anqiu/api/v1/video-help/signal',
    );
  });

  it('asks availability relative to the base URL', () => {
    expect(AVAILABILITY_PATH).toBe('/video-help/availability');
  });
});
