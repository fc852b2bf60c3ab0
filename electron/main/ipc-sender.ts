import { isKioskUrl } from './origin';

/** The parts of a WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
  isDestroyed(): boolean;
}

/** The parts of our window's WebContents the sender check reads. */
export interface TrustedContents {
  isDestroyed(): boolean;
  readonly mainFrame: SenderFrame;
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

/**
 * Checklist item 17: an IPC call is trusted only when it comes from the top frame of our own
 * window, currently showing a page on `app://kiosk`. A subframe, another webContents, a frame
 * that navigated away or was destroyed before we looked (senderFrame is then null, or reading it
 * throws "Render frame was disposed") is refused.
 */
export function checkIpcSender(event: InvokeEventLike, trusted: TrustedContents | null): SenderVerdict {
  try {
    if (!trusted || trusted.isDestroyed()) return refuse('the kiosk window is gone');
    if (event.sender !== trusted) return refuse('the call comes from another webContents');
    const frame = event.senderFrame;
    if (!frame) return refuse('the sending frame is gone (navigated or destroyed)');
    if (frame.isDestroyed() || frame.detached === true) return refuse('the sending frame is destroyed');
    if (frame.parent !== null) return refuse('the call comes from a subframe');
    const main = trusted.mainFrame;
    const isOurMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
    if (!isOurMainFrame) return refuse("the sending frame is not the window's main frame");
    if (!isKioskUrl(frame.url)) return refuse(`the sending frame is not on our origin: ${frame.url.slice(0, 200)}`);
    return { trusted: true };
  } catch (error) {
    return refuse(`the sender could not be inspected: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function refuse(reason: string): SenderVerdict {
  return { trusted: false, reason };
}
