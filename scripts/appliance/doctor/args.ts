import { err, ok, type Result } from '../../../core/pure/result';

export interface DoctorArgs {
  readonly configPath: string;
  readonly json: boolean;
  /** Per device: connect and one probe must finish within this. */
  readonly deviceTimeoutMs: number;
}

export const DEFAULT_CONFIG = '/etc/bianmin-kiosk/kiosk.json';
export const DEFAULT_DEVICE_TIMEOUT_MS = 8_000;

export const USAGE = `用法: bianmin-kiosk doctor [--json] [--config <文件>] [--device-timeout <秒>]
检查这台一体机：配置、设备、平台连接、时间、磁盘、数据权限、待上报记录、软件包、服务和版本。
  --json                 输出机器可读的 JSON（字段 id、status、title、detail、fix）
  --config <文件>        配置文件；默认取环境变量 KIOSK_CONFIG，否则 ${DEFAULT_CONFIG}
  --device-timeout <秒>  每个设备打开并回答探测的时限（默认 ${DEFAULT_DEVICE_TIMEOUT_MS / 1000}）
退出码: 0 没有失败项，1 有失败项，2 参数错误。`;

export type ParsedArgs = { readonly kind: 'run'; readonly args: DoctorArgs } | { readonly kind: 'help' };

export function parseDoctorArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Result<ParsedArgs, string> {
  let json = false;
  let configPath: string | null = null;
  let deviceTimeoutMs = DEFAULT_DEVICE_TIMEOUT_MS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return ok({ kind: 'help' });
    else if (arg === '--config' || arg === '--device-timeout') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return err(`${arg} 后面要跟一个值`);
      if (arg === '--config') configPath = value;
      else {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120)
          return err(`--device-timeout 要 0 到 120 秒之间，不是 ${value}`);
        deviceTimeoutMs = Math.round(seconds * 1000);
      }
    } else return err(`不认识的参数 ${arg}`);
  }
  const fromEnv = env['KIOSK_CONFIG']?.trim();
  return ok({
    kind: 'run',
    args: { configPath: configPath ?? (fromEnv ? fromEnv : DEFAULT_CONFIG), json, deviceTimeoutMs },
  });
}
