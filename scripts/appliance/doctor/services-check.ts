import { fail, pass, skip, warn, type CheckResult } from './check';
import type { Exec } from './exec';

export const KIOSK_UNIT = 'bianmin-kiosk.service';
export const DISPLAY_UNIT = 'bianmin-kiosk-display.service';

export interface ServiceFacts {
  readonly exec: Exec;
  /** systemd is the init system: /run/systemd/system exists (what sd_booted(3) tests). */
  readonly systemdRunning: () => boolean;
}

export interface ServicesReport {
  readonly results: readonly CheckResult[];
  /** The kiosk service is active: a busy device is then most likely the kiosk's own. */
  readonly kioskActive: boolean;
}

const TITLES: Readonly<Record<string, string>> = {
  [KIOSK_UNIT]: '一体机服务',
  [DISPLAY_UNIT]: '显示服务（屏幕）',
};

/**
 * `systemctl is-active` for the kiosk and the display unit. Where systemd is not the init system
 * (a container, CI, the install test's chroot) there is nothing to ask: skip, with the reason.
 */
export async function checkServices(facts: ServiceFacts): Promise<ServicesReport> {
  const units = [KIOSK_UNIT, DISPLAY_UNIT];
  const skipAll = (reason: string): ServicesReport => ({
    results: units.map((unit) => skip(idOf(unit), TITLES[unit] ?? unit, reason)),
    kioskActive: false,
  });
  if (!facts.systemdRunning())
    return skipAll('本机的 init 不是 systemd（容器、CI 或安装测试的 chroot），无法查询服务状态');
  const answer = await facts.exec('systemctl', ['is-active', ...units]);
  if (answer.missing) return skipAll('没有 systemctl 命令，无法查询服务状态');
  // One state per unit, in the order asked; the exit code only says whether all are active.
  const states = answer.stdout.split('\n').map((line) => line.trim());
  const results = units.map((unit, index) => unitResult(unit, states[index] ?? ''));
  return { results, kioskActive: states[0] === 'active' };
}

function idOf(unit: string): string {
  return unit === KIOSK_UNIT ? 'service.kiosk' : 'service.display';
}

export function unitResult(unit: string, state: string): CheckResult {
  const id = idOf(unit);
  const title = TITLES[unit] ?? unit;
  const look = `查看原因：journalctl -u ${unit} -b --no-pager | tail -n 50`;
  switch (state) {
    case 'active':
      return pass(id, title, `${unit} 正在运行（active）`);
    case 'activating':
    case 'reloading':
      return warn(
        id,
        title,
        `${unit} 正在启动（${state}）；若一直如此，说明它在反复重启`,
        `稍等一分钟再运行 bianmin-kiosk doctor；${look}`,
      );
    case '':
      return fail(id, title, `systemctl 没有回答 ${unit} 的状态`, `运行 systemctl status ${unit} 查看`);
    default:
      return fail(
        id,
        title,
        `${unit} 没有运行（${state}）`,
        `${look}；修好后运行 sudo systemctl restart ${unit}${
          state === 'inactive' ? `；开机不启动时运行 sudo systemctl enable ${unit}` : ''
        }`,
      );
  }
}
