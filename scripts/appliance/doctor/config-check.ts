import { formatConfigError, loadKioskConfig, type LoadedConfig } from '../../../kiosk-config/load';
import { fail, pass, type CheckResult } from './check';

const ID = 'config';
const TITLE = '配置文件';

/** The config as the service loads it; every other station check needs it. */
export function checkConfig(path: string): { result: CheckResult; loaded: LoadedConfig | null } {
  const loaded = loadKioskConfig(path);
  if (!loaded.ok) {
    return {
      result: fail(
        ID,
        TITLE,
        formatConfigError(loaded.error),
        `按上面每一行修改 ${loaded.error.sourcePath}（每个设置的说明见 kiosk-config/README.md），再运行 bianmin-kiosk doctor；改好后 sudo systemctl restart bianmin-kiosk.service`,
      ),
      loaded: null,
    };
  }
  const { config } = loaded.value;
  return {
    result: pass(
      ID,
      TITLE,
      `${loaded.value.sourcePath} 有效：站点 ${config.station.id}，终端 ${config.terminal.id}，数据文件夹 ${loaded.value.dataDir}`,
    ),
    loaded: loaded.value,
  };
}
