import { describe, expect, it } from 'vitest';
import {
  API_SUBPROTOCOL,
  apiSubprotocols,
  launchUrl,
  parseOfferedSubprotocols,
  splitLaunchFragment,
  withFragmentPart,
} from './launch-key';

const KEY = 'k2Vx9_Qm-3LpZr8Tn5Yw1Hs7Jd4Fg6Bc0NaEuIoPqRs';

describe('the launch key on the wire', () => {
  it('rides as a second subprotocol, and only one well-formed key counts', () => {
    expect(apiSubprotocols(KEY)).toEqual([API_SUBPROTOCOL, `bianmin-kiosk.key.${KEY}`]);
    expect(parseOfferedSubprotocols(apiSubprotocols(KEY).join(', '))).toEqual({ api: true, key: KEY });
    expect(parseOfferedSubprotocols(apiSubprotocols(KEY).join(','))).toEqual({ api: true, key: KEY });
    expect(parseOfferedSubprotocols(undefined)).toEqual({ api: false, key: null });
    expect(parseOfferedSubprotocols(API_SUBPROTOCOL)).toEqual({ api: true, key: null });
    expect(parseOfferedSubprotocols(`${API_SUBPROTOCOL}, bianmin-kiosk.key.short`)).toEqual({ api: true, key: null });
    expect(parseOfferedSubprotocols(`${API_SUBPROTOCOL}, bianmin-kiosk.key.${KEY}, bianmin-kiosk.key.${KEY}x`)).toEqual(
      { api: true, key: null },
    );
  });

  it('rides in the URL fragment, next to other fragment parts', () => {
    const url = launchUrl('http://127.0.0.1:5123', KEY);
    expect(url).toBe(`http://127.0.0.1:5123/#key=${KEY}`);
    expect(splitLaunchFragment(new URL(url).hash)).toEqual({ key: KEY, rest: '' });
    const harness = withFragmentPart(url, 'camera-harness');
    expect(splitLaunchFragment(new URL(harness).hash)).toEqual({ key: KEY, rest: 'camera-harness' });
    expect(splitLaunchFragment('#camera-harness')).toEqual({ key: null, rest: 'camera-harness' });
    expect(splitLaunchFragment('')).toEqual({ key: null, rest: '' });
    expect(splitLaunchFragment('#key=<script>')).toEqual({ key: null, rest: '' });
    expect(withFragmentPart('http://127.0.0.1:5123/', 'camera-harness')).toBe('http://127.0.0.1:5123/#camera-harness');
  });
});
