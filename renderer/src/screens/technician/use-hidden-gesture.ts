import { useEffect, useRef } from 'react';

export interface HiddenGestureOptions {
  /** Taps needed; five, so a resident's accidental double tap never opens it. */
  readonly taps?: number;
  /** All taps within this many milliseconds. */
  readonly withinMs?: number;
  /** The corner's size in CSS pixels, from the top-left of the viewport. */
  readonly cornerPx?: number;
  /** Injected in tests; the event's own timestamp is not reliable across browsers. */
  readonly now?: () => number;
}

/**
 * The way into technician mode that residents do not find: five taps within 3 s in the top-left
 * 120 × 120 px corner of any screen. Listens in the capture phase, so it works whatever the screen
 * under the corner does with the tap; a tap anywhere else starts the count again.
 */
const CONTROLS = 'button, a[href], input, select, textarea, [role="button"], [role="link"], [contenteditable="true"]';

export function useHiddenGesture(
  target: Document | HTMLElement,
  onGesture: () => void,
  options: HiddenGestureOptions = {},
): void {
  const { taps = 5, withinMs = 3_000, cornerPx = 120, now = Date.now } = options;
  const callback = useRef(onGesture);
  useEffect(() => {
    callback.current = onGesture;
  }, [onGesture]);

  useEffect(() => {
    let times: number[] = [];
    const onPointerDown = (event: Event) => {
      const { clientX, clientY } = event as PointerEvent;
      // A tap on a control (the back button may sit in the corner) is a resident using it, never
      // part of the gesture: residents pressing a button five times must not find technician mode.
      const onControl = event.target instanceof Element && event.target.closest(CONTROLS) !== null;
      if (onControl || !(clientX >= 0 && clientY >= 0 && clientX < cornerPx && clientY < cornerPx)) {
        times = [];
        return;
      }
      const at = now();
      times = [...times.filter((time) => at - time <= withinMs), at];
      if (times.length >= taps) {
        times = [];
        callback.current();
      }
    };
    target.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
    return () => target.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [target, taps, withinMs, cornerPx, now]);
}
