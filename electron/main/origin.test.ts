import { describe, expect, it } from 'vitest';
import { isAllowedNavigation } from './lockdown';
import { APP_INDEX_URL, APP_ORIGIN, isKioskUrl, OUT_OF_SERVICE_URL } from './origin';

describe('isKioskUrl / isAllowedNavigation', () => {
  it.each([APP_ORIGIN, `${APP_ORIGIN}/`, APP_INDEX_URL, OUT_OF_SERVICE_URL, 'app://kiosk/assets/x.js?v=1#top'])(
    'accepts our own %s',
    (url) => {
      expect(isKioskUrl(url)).toBe(true);
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    ['a lookalike host', 'app://kiosk.evil/index.html'],
    ['userinfo before another host', 'app://kiosk@evil/index.html'],
    ['userinfo before our host', 'app://evil@kiosk/index.html'],
    ['a port', 'app://kiosk:8080/index.html'],
    ['https with our host name', 'https://kiosk/index.html'],
    ['http', 'http://kiosk/'],
    ['file', 'file:///etc/passwd'],
    ['a path-only app URL', 'app:kiosk'],
    ['an empty host', 'app:///kiosk/index.html'],
    ['an encoded dot in the host', 'app://kiosk%2eevil/'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['not a URL', 'kiosk'],
    ['an empty string', ''],
    ['the opaque origin', 'null'],
  ])('refuses %s (%s)', (_name, url) => {
    expect(isKioskUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });
});
