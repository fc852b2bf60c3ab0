import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWebContents, FakeWebFrame } from '../test/fake-electron';
import { checkIpcSender } from './ipc-sender';

/**
 * Each rule of the sender check on its own: every case breaks exactly one rule, and the verdict
 * must name that rule, so removing any single rule fails a test even where others overlap.
 */
let ours: FakeWebContents;

beforeEach(async () => {
  ours = new FakeWebContents();
  await ours.loadURL('app://kiosk/index.html');
});

function reasonFor(event: { sender: unknown; senderFrame: FakeWebFrame | null }, trusted = ours): string {
  const verdict = checkIpcSender(event, trusted);
  return verdict.trusted ? 'trusted' : verdict.reason;
}

describe('checkIpcSender', () => {
  it('trusts the main frame of our window on app://kiosk', () => {
    expect(reasonFor({ sender: ours, senderFrame: ours.mainFrame })).toBe('trusted');
  });

  it('trusts an equal main frame object (Electron may hand out a new wrapper for the same frame)', () => {
    const same = new FakeWebFrame({
      url: 'app://kiosk/index.html',
      processId: ours.mainFrame.processId,
      routingId: ours.mainFrame.routingId,
    });
    expect(reasonFor({ sender: ours, senderFrame: same })).toBe('trusted');
  });

  it('refuses everyone when there is no window, or it is destroyed', () => {
    expect(checkIpcSender({ sender: ours, senderFrame: ours.mainFrame }, null)).toMatchObject({ trusted: false });
    ours.destroyed = true;
    expect(reasonFor({ sender: ours, senderFrame: ours.mainFrame })).toMatch(/window is gone/);
  });

  it('refuses another webContents even if it presents our frame', () => {
    const other = new FakeWebContents();
    expect(reasonFor({ sender: other, senderFrame: ours.mainFrame })).toMatch(/another webContents/);
  });

  it('refuses a call whose frame is gone', () => {
    expect(reasonFor({ sender: ours, senderFrame: null })).toMatch(/frame is gone/);
  });

  it('refuses a destroyed or detached frame', () => {
    ours.mainFrame.destroyed = true;
    expect(reasonFor({ sender: ours, senderFrame: ours.mainFrame })).toMatch(/destroyed/);
    ours.mainFrame.destroyed = false;
    ours.mainFrame.detached = true;
    expect(reasonFor({ sender: ours, senderFrame: ours.mainFrame })).toMatch(/destroyed/);
  });

  it('refuses a frame with a parent, even one claiming the main frame ids', () => {
    const child = new FakeWebFrame({
      url: 'app://kiosk/index.html',
      parent: ours.mainFrame,
      processId: ours.mainFrame.processId,
      routingId: ours.mainFrame.routingId,
    });
    expect(reasonFor({ sender: ours, senderFrame: child })).toMatch(/subframe/);
  });

  it("refuses a top frame that is not our window's main frame", () => {
    const stranger = new FakeWebFrame({ url: 'app://kiosk/index.html' });
    expect(reasonFor({ sender: ours, senderFrame: stranger })).toMatch(/not the window's main frame/);
  });

  it.each(['https://evil.example/', 'app://kiosk.evil/', 'app://kiosk@evil/', 'file:///etc/passwd', 'about:blank'])(
    'refuses our main frame once it shows %s',
    (url) => {
      ours.mainFrame.url = url;
      expect(reasonFor({ sender: ours, senderFrame: ours.mainFrame })).toMatch(/not on our origin/);
    },
  );

  it('refuses, rather than throws, when inspecting the sender throws', () => {
    const trusted = {
      isDestroyed: () => false,
      get mainFrame(): FakeWebFrame {
        throw new Error('Render frame was disposed');
      },
    };
    const verdict = checkIpcSender({ sender: trusted, senderFrame: ours.mainFrame }, trusted);
    expect(verdict).toEqual({ trusted: false, reason: expect.stringMatching(/could not be inspected/) as string });
  });
});
