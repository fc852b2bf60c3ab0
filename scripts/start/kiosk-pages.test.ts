import { describe, expect, it } from 'vitest';
import type { CdpEvent } from './cdp-pipe';
import { createPageWatch, type PageLoss } from './kiosk-pages';

const origin = 'http://127.0.0.1:43027';

function watch(devMode = false) {
  const found: string[] = [];
  const lost: PageLoss[] = [];
  const strays: Array<[string, string]> = [];
  const w = createPageWatch(
    { origin, devMode },
    {
      kioskPageFound: (id) => found.push(id),
      pageLost: (loss) => lost.push(loss),
      closeStray: (id, url) => strays.push([id, url]),
    },
  );
  return { w, found, lost, strays };
}

const target = (method: string, targetId: string, url: string, type = 'page'): CdpEvent => ({
  method,
  params: { targetInfo: { targetId, type, url, title: '', attached: false } },
});
const created = (id: string, url: string, type = 'page') => target('Target.targetCreated', id, url, type);
const changed = (id: string, url: string) => target('Target.targetInfoChanged', id, url);

describe('createPageWatch', () => {
  it('takes the first page on the kiosk origin as the kiosk page, once it has its URL', () => {
    const { w, found, strays } = watch();
    w.handle(created('K', 'about:blank'));
    w.handle(changed('K', `${origin}/#key=abc`));
    expect(found).toEqual(['K']);
    expect(w.kioskTargetId).toBe('K');
    expect(strays).toEqual([]);
  });

  it('reports the kiosk page lost when its renderer crashes, once', () => {
    const { w, lost } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle({ method: 'Target.targetCrashed', params: { targetId: 'K', status: 'killed', errorCode: 9 } });
    w.handle({ method: 'Target.targetDestroyed', params: { targetId: 'K' } });
    expect(lost).toEqual([{ kind: 'crashed', status: 'killed', errorCode: 9 }]);
  });

  it('ignores a crash of some other target', () => {
    const { w, lost } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle({ method: 'Target.targetCrashed', params: { targetId: 'X', status: 'crashed', errorCode: 1 } });
    expect(lost).toEqual([]);
  });

  it.each([
    'file:///etc/passwd',
    'data:text/html,hi',
    'https://example.com/',
    'http://127.0.0.1:9/',
    'chrome://settings/',
  ])('reports the kiosk page lost when it shows %s (an error page for a blocked URL included)', (url) => {
    const { w, lost } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle(changed('K', `${origin}/#key=abc`));
    w.handle(changed('K', url));
    expect(lost).toEqual([{ kind: 'left', url }]);
  });

  it('reports the kiosk page lost when it is closed', () => {
    const { w, lost } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle({ method: 'Target.targetDestroyed', params: { targetId: 'K' } });
    expect(lost).toEqual([{ kind: 'closed' }]);
  });

  it('after reopen, takes the next page on the kiosk origin as the kiosk page and ignores the lost one', () => {
    const { w, found, lost, strays } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle({ method: 'Target.targetCrashed', params: { targetId: 'K', status: 'killed', errorCode: 9 } });
    w.reopen();
    // The dead page still reports; it is neither the kiosk page again nor a stray to close.
    w.handle(changed('K', `${origin}/`));
    w.handle(created('K2', `${origin}/`));
    w.handle({ method: 'Target.targetDestroyed', params: { targetId: 'K' } });
    expect(found).toEqual(['K', 'K2']);
    expect(w.kioskTargetId).toBe('K2');
    expect(strays).toEqual([]);
    // And a crash of the new page is a loss again.
    w.handle({ method: 'Target.targetCrashed', params: { targetId: 'K2', status: 'crashed', errorCode: 1 } });
    expect(lost).toHaveLength(2);
  });

  it('closes every other page, once, whatever it shows', () => {
    const { w, strays, lost } = watch();
    w.handle(created('K', `${origin}/`));
    w.handle(created('N', 'chrome://newtab/'));
    w.handle(changed('N', 'chrome://newtab/'));
    w.handle(created('P', 'about:blank'));
    w.handle(created('Q', `${origin}/`));
    expect(strays).toEqual([
      ['N', 'chrome://newtab/'],
      ['P', 'about:blank'],
      ['Q', `${origin}/`],
    ]);
    expect(lost).toEqual([]);
  });

  it('leaves Chromium’s own UI targets alone, and DevTools windows in a development build', () => {
    const { w, strays } = watch(true);
    w.handle(created('K', `${origin}/`));
    w.handle(created('U', 'chrome://omnibox-popup.top-chrome/', 'browser_ui'));
    w.handle(created('D', 'devtools://devtools/bundled/devtools_app.html'));
    expect(strays).toEqual([]);
  });

  it('closes a DevTools window outside a development build', () => {
    const { w, strays } = watch(false);
    w.handle(created('K', `${origin}/`));
    w.handle(created('D', 'devtools://devtools/bundled/devtools_app.html'));
    expect(strays).toEqual([['D', 'devtools://devtools/bundled/devtools_app.html']]);
  });
});
