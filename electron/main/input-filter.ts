import type { Input } from 'electron';
import { isBlockedShortcut } from '../../core/api/kiosk-shortcuts';

/** The fields of a `before-input-event` we decide on. */
export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/**
 * Whether a key press must never reach the page or Chromium's own accelerators. The rules are the
 * ones the browser host's page applies too (core/api/kiosk-shortcuts.ts). In devMode nothing is
 * blocked.
 */
export function shouldBlockInput(input: KeyInput, devMode: boolean): boolean {
  return isBlockedShortcut(input, devMode);
}
