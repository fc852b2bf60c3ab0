import { describe, expect, it } from 'vitest';
import { createCallFeed } from './call-feed';

describe('call feed', () => {
  it('nudges the listeners of the station announced at, and no others', () => {
    const feed = createCallFeed();
    const heard: string[] = [];
    feed.subscribe('s1', () => heard.push('s1-a'));
    feed.subscribe('s1', () => heard.push('s1-b'));
    feed.subscribe('s2', () => heard.push('s2'));
    feed.notify('s1');
    expect(heard).toEqual(['s1-a', 's1-b']);
  });

  it('forgets a listener that unsubscribed, so closed displays do not pile up', () => {
    const feed = createCallFeed();
    const stop = feed.subscribe('s1', () => undefined);
    expect(feed.listenerCount()).toBe(1);
    stop();
    stop();
    expect(feed.listenerCount()).toBe(0);
    feed.notify('s1');
  });
});
