import type { KioskBridge } from '../../../core/api/bridge';

declare global {
  interface Window {
    /** Present only under Electron: the preload's narrow bridge (core/api/bridge.ts). */
    kiosk?: KioskBridge;
  }
}

export {};
