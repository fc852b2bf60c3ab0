import { join } from 'node:path';
import type { SupervisedDevice } from '../../../drivers/common/device';
import type { CheckResult } from './check';
import { skip } from './check';
import { checkConfig } from './config-check';
import { configuredDevices } from './configured-devices';
import { checkDataFolder, type DataFolderFacts, type ServiceUser } from './data-folder-check';
import { checkDevice, type DeviceFacts } from './device-check';
import type { ProbeOutcome } from './device-probe';
import { checkDisk, type DiskFacts } from './disk-check';
import type { Exec } from './exec';
import { outboxResult, readOutboxSummary, STORE_FILE } from './outbox-check';
import { checkPackages } from './packages-check';
import { checkPlatform, type PlatformFacts } from './platform-check';
import { checkRelease, type ReleaseFacts, type ReleasePaths } from './release-check';
import { checkServices } from './services-check';
import type { DoctorArgs } from './args';

/** Everything the checks ask the machine, in one place so a test can give other answers. */
export interface DoctorMachine {
  readonly exec: Exec;
  readonly systemdRunning: () => boolean;
  readonly exists: (path: string) => boolean;
  readonly now: () => Date;
  readonly probe: (device: SupervisedDevice, timeoutMs: number) => Promise<ProbeOutcome>;
  readonly holders: DeviceFacts['holders'];
  readonly videoDevices: DeviceFacts['videoDevices'];
  readonly freeBytes: DiskFacts['freeBytes'];
  readonly lstat: PlatformFacts['lstat'];
  readonly readdir: DataFolderFacts['readdir'];
  readonly release: ReleaseFacts;
  readonly readToken: PlatformFacts['readToken'];
  readonly fetch: typeof globalThis.fetch;
  readonly serviceUser: ServiceUser & { readonly gid: number };
  readonly asRoot: boolean;
  readonly production: boolean;
  readonly paths: ReleasePaths;
}

/** The checks that need a valid config, skipped (not failed) when it is not: its own line says why. */
const NEEDS_CONFIG: readonly { id: string; title: string }[] = [
  { id: 'devices', title: '设备' },
  { id: 'platform.reachable', title: '平台连接（令牌、TLS 证书）' },
  { id: 'disk.free', title: '数据盘剩余空间' },
  { id: 'data.permissions', title: '数据文件夹权限' },
  { id: 'outbox', title: '待上报记录（outbox）' },
];

/**
 * Every check, in the order a technician fixes things: config, devices, platform, storage, then
 * the machine (packages, services, release). Devices are probed side by side, each within its
 * own deadline, so the whole list takes about one device timeout at worst.
 */
export async function runDoctor(args: DoctorArgs, machine: DoctorMachine): Promise<CheckResult[]> {
  const services = await checkServices({ exec: machine.exec, systemdRunning: machine.systemdRunning });
  const config = checkConfig(args.configPath);
  const results: CheckResult[] = [config.result];
  const loaded = config.loaded;
  if (loaded === null) {
    results.push(...NEEDS_CONFIG.map((check) => skip(check.id, check.title, '配置文件无效，未检查')));
  } else {
    const devices = await configuredDevices(loaded.config.devices);
    const deviceFacts: DeviceFacts = {
      probe: (device) => machine.probe(device, args.deviceTimeoutMs),
      holders: machine.holders,
      videoDevices: machine.videoDevices,
    };
    const context = { production: machine.production, kioskActive: services.kioskActive };
    results.push(...(await Promise.all(devices.map((device) => checkDevice(deviceFacts, device, context)))));
    results.push(
      ...(await checkPlatform(
        { readToken: machine.readToken, lstat: machine.lstat, fetch: machine.fetch, now: machine.now },
        loaded,
        machine.serviceUser,
      )),
    );
    results.push(checkDisk({ freeBytes: machine.freeBytes, exists: machine.exists }, loaded.dataDir));
    results.push(
      checkDataFolder({ lstat: machine.lstat, readdir: machine.readdir }, loaded.dataDir, machine.serviceUser),
    );
    results.push(
      outboxResult(readOutboxSummary(loaded.dataDir), machine.now(), join(loaded.dataDir, STORE_FILE), machine.asRoot),
    );
  }
  results.push(...(await checkPackages({ exec: machine.exec, exists: machine.exists })));
  results.push(...services.results);
  results.push(...checkRelease(machine.release, machine.paths, machine.production));
  return results;
}
