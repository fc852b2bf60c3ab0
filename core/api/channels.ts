/**
 * The Electron IPC channel names; the preload allows these and nothing else. Kept free of zod
 * (and of every other import) because the preload bundles it and runs it on every page load.
 */
export const IPC_INVOKE_CHANNEL = 'kiosk:invoke';
export const IPC_EVENT_CHANNEL = 'kiosk:event';
