/**
 * The sandboxed preload (bundled to out/electron/preload.cjs). A sandboxed preload may require
 * only a few Electron modules and no Node built-ins (checklist item 4; VotingWorks turned the
 * sandbox off to get around this, kiosk-browser#174, and we must not), so it uses contextBridge
 * and ipcRenderer and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../core/api/bridge';
import { createKioskBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createKioskBridge(ipcRenderer));
