import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../api/events';
import type { KioskContract, KioskInfo } from '../api/contract';
import type { Logger } from '../logging/logger';
import type { DataKeyError } from '../security/data-key';
import type { StoreError } from '../store/open';
import type { LoadedConfig } from '../../kiosk-config/load';
import type { BuildKind } from './build-kind';
import type { KioskServicesOptions } from './wire-services';

export type HostKind = 'electron' | 'browser';

export interface KioskCoreOptions {
  readonly loaded: LoadedConfig;
  readonly host: HostKind;
  readonly appVersion: string;
  /** Development checkout or production build (core/app/build-kind.ts); decides what config is accepted. */
  readonly buildKind: BuildKind;
  /** Development mode: devtools allowed, dev panels shown. Never on a station: a production build refuses it. */
  readonly devMode: boolean;
  readonly logger: Logger;
  /** Where the rolling log files are, for the technician's log view; none when logging to files is off. */
  readonly logDir?: string;
  /** The remote commands' host parts (core/fleet/commands): how this host restarts and captures its screen. */
  readonly fleet?: KioskServicesOptions['fleetHost'];
}

/**
 * The kiosk without its window: store, platform link, catalog sync, and the API the renderer
 * calls. Both hosts start exactly one of these and bind `dispatch` and `events` to their
 * transport (IPC for Electron, WebSocket for the browser host).
 */
export interface KioskCore {
  readonly info: KioskInfo;
  readonly dispatch: Dispatch;
  readonly events: EventBus<KioskContract>;
  readonly logger: Logger;
  /** When the page last reported alive (host.alive), in monotonic ms; null before its first report. */
  readonly renderer: { lastReportAt(): number | null };
  /** Stops timers, the embedded platform and the store, in that order. */
  close(): Promise<void>;
}

/** Why the core could not start; `message` is written for the technician at the station. */
export type StartupError =
  | StoreError
  | DataKeyError
  | { kind: 'platformToken'; message: string }
  | { kind: 'embeddedPlatform'; message: string }
  /** The config is well-formed but not allowed in this build (core/app/deployment-rules.ts). */
  | { kind: 'deploymentRules'; message: string };
