/**
 * The whole surface the Electron preload exposes to the page as `window.kiosk`
 * (docs/reliability.md §1.1, checklist item 20: narrow, typed functions; never raw ipcRenderer).
 */
export interface KioskBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Every event the host pushes; returns an unsubscribe function. */
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export const BRIDGE_GLOBAL = 'kiosk';
