import type { DeviceKind } from '../../../core/api/devices';
import type { SupervisedDevice } from '../../../drivers/common/device';
import { fail, pass, skip, warn, type CheckResult } from './check';
import type { ConfiguredDevice } from './configured-devices';
import { CODE_TEXT, CONFIG_KEYS, DEVICE_TITLES, fixForCode } from './device-words';
import type { ProbeOutcome } from './device-probe';
import { KIOSK_UNIT } from './services-check';

/** A process that has a device file open, and the systemd unit it runs in (from its cgroup). */
export interface Holder {
  readonly pid: number;
  readonly command: string;
  readonly unit: string | null;
}

export interface DeviceFacts {
  /** Connect, probe once, disconnect, within the per-device deadline (device-probe.ts). */
  readonly probe: (device: SupervisedDevice) => Promise<ProbeOutcome>;
  /** Who has this device file open (/proc/<pid>/fd); empty when nobody or when it cannot be seen. */
  readonly holders: (path: string) => readonly Holder[];
  /** The video devices present (/dev/video*). */
  readonly videoDevices: () => readonly string[];
}

export interface DeviceContext {
  /** A production build: a station must not run on emulators. */
  readonly production: boolean;
  readonly kioskActive: boolean;
}

export const BUSY_BY_KIOSK = '由正在运行的一体机程序占用';

export async function checkDevice(
  facts: DeviceFacts,
  configured: ConfiguredDevice,
  context: DeviceContext,
): Promise<CheckResult> {
  const id = `device.${configured.kind}`;
  const title = DEVICE_TITLES[configured.kind];
  switch (configured.mode) {
    case 'emulated':
      return emulatedResult(configured.kind, context.production);
    case 'realCamera': {
      const found = facts.videoDevices();
      const label = configured.label ? `（界面按名称“${configured.label}”选择）` : '';
      if (found.length === 0) {
        return fail(
          id,
          title,
          `没有找到视频设备（/dev/video*）${label}`,
          '检查高拍仪的 USB 线和电源；运行 ls -l /dev/video* 和 lsusb 看它是否出现；服务用户 bianmin 需要在 video 组中（id bianmin）',
        );
      }
      return pass(id, title, `找到 ${found.join('、')}${label}；摄像头由一体机界面打开，doctor 不打开它`);
    }
    case 'real':
      return probeResult(configured.kind, configured.where, await facts.probe(configured.device), {
        holders: configured.path ? facts.holders(configured.path) : [],
        kioskActive: context.kioskActive,
      });
  }
}

export function emulatedResult(kind: DeviceKind, production: boolean): CheckResult {
  const id = `device.${kind}`;
  const title = DEVICE_TITLES[kind];
  const key = `devices.${CONFIG_KEYS[kind]}`;
  if (!production) return skip(id, title, `配置为模拟设备（${key}.mode = "emulated"，开发用），不检测`);
  return warn(
    id,
    title,
    `配置为模拟设备（${key}.mode = "emulated"）：站点上居民用不了它`,
    `在 /etc/bianmin-kiosk/kiosk.json 的 ${key} 写上真实设备（"mode": "real" 和端口，见 kiosk-config/README.md），然后 sudo systemctl restart ${KIOSK_UNIT}`,
  );
}

/**
 * What one probe round means for the technician. A port that is busy is looked at once more: the
 * running kiosk holding it (its process is in the kiosk unit's cgroup) is how it should be — the
 * kiosk opened it, with the service user's rights, and no one else is in the way — so that is a
 * pass, with a note that the doctor did not send its own probe (the kiosk's technician page shows
 * the kiosk's). Anyone else holding it is a failure naming the process.
 */
export function probeResult(
  kind: DeviceKind,
  where: string,
  outcome: ProbeOutcome,
  seen: { readonly holders: readonly Holder[]; readonly kioskActive: boolean },
): CheckResult {
  const id = `device.${kind}`;
  const title = DEVICE_TITLES[kind];
  switch (outcome.kind) {
    case 'answered': {
      const { identity, condition } = outcome;
      const who = [
        `型号 ${identity.model}`,
        ...(identity.serial ? [`序列号 ${identity.serial}`] : []),
        ...(identity.firmware ? [`固件 ${identity.firmware}`] : []),
      ].join('，');
      const found = `${where}：已打开并回答了探测；${who}`;
      if (condition.state === 'online' || condition.state === 'busy') {
        const first = condition.warnings[0];
        if (first === undefined) return pass(id, title, `${found}；状态 ${CODE_TEXT[condition.code]}`);
        return warn(
          id,
          title,
          `${found}；可以工作，但${condition.warnings.map((code) => CODE_TEXT[code]).join('、')}`,
          fixForCode(first, kind, where),
        );
      }
      return fail(
        id,
        title,
        `${found}；设备报告：${CODE_TEXT[condition.code]}（${condition.detail}）`,
        fixForCode(condition.code, kind, where),
      );
    }
    case 'timeout':
      return fail(
        id,
        title,
        `${where}：${outcome.step === 'connect' ? '打开或识别设备' : '探测'}在 ${outcome.afterMs / 1000} 秒内没有完成`,
        fixForCode('noResponse', kind, where),
      );
    case 'fault': {
      const { fault } = outcome;
      if (fault.code === 'portBusy') {
        const kiosk = seen.holders.filter((holder) => holder.unit === KIOSK_UNIT);
        const others = seen.holders.filter((holder) => holder.unit !== KIOSK_UNIT);
        if (others.length > 0) {
          const named = others.map(
            (holder) => `${holder.command}（pid ${holder.pid}${holder.unit ? `，${holder.unit}` : ''}）`,
          );
          return fail(id, title, `${where}：被其他程序占用：${named.join('、')}`, fixForCode('portBusy', kind, where));
        }
        if (kiosk.length > 0) {
          return pass(
            id,
            title,
            `${where}：${BUSY_BY_KIOSK}（pid ${kiosk.map((holder) => holder.pid).join('、')}）；端口能打开，doctor 未另发探测。完整探测：先 sudo systemctl stop ${KIOSK_UNIT}，再运行 doctor，然后 sudo systemctl start ${KIOSK_UNIT}`,
          );
        }
        if (seen.kioskActive) {
          return warn(
            id,
            title,
            `${where}：端口被占用；一体机服务正在运行，很可能是它，但看不到占用的进程（不是 root？）`,
            `用 sudo 运行 bianmin-kiosk doctor；或 sudo fuser -v ${where}`,
          );
        }
      }
      const detail = fault.detail ? `（${fault.detail}）` : '';
      return fail(id, title, `${where}：${CODE_TEXT[fault.code]}${detail}`, fixForCode(fault.code, kind, where));
    }
  }
}
