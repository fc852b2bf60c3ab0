import type { DeviceCode, DeviceKind } from '../../../core/api/devices';

/** The device names a county technician knows them by. */
export const DEVICE_TITLES: Readonly<Record<DeviceKind, string>> = {
  idCardReader: '身份证读卡器',
  printer: '小票打印机',
  evaluationKeypad: '评价器',
  qrScanner: '扫码器',
  documentCamera: '高拍仪',
  faceCamera: '摄像头（视频帮办）',
  microphone: '麦克风（视频帮办）',
};

/** The key of each device in kiosk.json's `devices`. */
export const CONFIG_KEYS: Readonly<Record<DeviceKind, string>> = {
  idCardReader: 'idCardReader',
  printer: 'printer',
  evaluationKeypad: 'evaluationKeypad',
  qrScanner: 'qrScanner',
  documentCamera: 'documentCamera',
  faceCamera: 'faceCamera',
  microphone: 'microphone',
};

/** What a driver's code means, in the words the checklist prints. */
export const CODE_TEXT: Readonly<Record<DeviceCode, string>> = {
  ok: '正常',
  starting: '正在启动',
  portMissing: '找不到设备（端口不存在）',
  permissionDenied: '没有权限打开设备',
  portBusy: '端口被占用',
  noResponse: '设备没有回答',
  disconnected: '连接断开',
  garbledReplies: '设备回答的内容无法识别',
  notConfigured: '未配置',
  samSelfTestFailed: '读卡器安全模块（SAM）自检失败',
  samUnauthorised: '读卡器安全模块（SAM）未授权',
  readerError: '读卡器报告故障',
  paperOut: '缺纸',
  paperNearEnd: '纸快用完',
  coverOpen: '打印机盖未合上',
  cutterError: '切刀故障',
  unrecoverableError: '打印机不可恢复故障',
  recoverableError: '打印机可恢复故障',
  printing: '正在打印',
  cameraPermissionDenied: '没有权限使用摄像头',
  cameraInUse: '摄像头被占用',
};

/**
 * What to do for a code, concretely. `where` is the configured link (a path, `tcp host:port`, a
 * USB id), so the command names the technician's own device.
 */
export function fixForCode(code: DeviceCode, kind: DeviceKind, where: string): string {
  const key = `devices.${CONFIG_KEYS[kind]}`;
  switch (code) {
    case 'portMissing':
    case 'disconnected':
      return where.startsWith('tcp ')
        ? `检查打印机电源和网线，确认地址（/etc/bianmin-kiosk/kiosk.json 的 ${key}）；ping 打印机地址`
        : `检查 USB 线和电源；运行 ls -l /dev/bianmin/ 和 ls -l /dev/serial/by-id/ 看设备是否出现，再核对 /etc/bianmin-kiosk/kiosk.json 的 ${key}；型号不在 udev 规则表中时把它的 VID:PID（lsusb）加入 /lib/udev/rules.d/70-bianmin-kiosk.rules 并运行 sudo udevadm trigger`;
    case 'permissionDenied':
      return `服务用户 bianmin 需要在设备的用户组中（串口 dialout、USB 打印机 lp、HID plugdev）：运行 id bianmin 和 ls -l ${where.startsWith('/') ? where : '/dev/bianmin/'}；udev 规则变更后运行 sudo udevadm trigger`;
    case 'portBusy':
      return `找出占用者：sudo fuser -v ${where.startsWith('/') ? where : '<设备>'}；ModemManager 会抢串口读卡器：sudo systemctl disable --now ModemManager，或确认 udev 规则里有 ENV{ID_MM_DEVICE_IGNORE}="1"`;
    case 'noResponse':
    case 'garbledReplies':
      return `核对波特率（/etc/bianmin-kiosk/kiosk.json 的 ${key}.baudRate，读卡器通常 115200）；断电重插设备后再运行 bianmin-kiosk doctor`;
    case 'samSelfTestFailed':
    case 'samUnauthorised':
    case 'readerError':
      return '读卡器的安全模块不能工作：断电重插读卡器；仍然失败时联系读卡器厂家（SAM 需要公安部门授权）';
    case 'paperOut':
    case 'paperNearEnd':
      return '装入新的热敏纸卷，并在巡检页点“已换纸”';
    case 'coverOpen':
      return '合上打印机盖';
    case 'cutterError':
    case 'unrecoverableError':
    case 'recoverableError':
      return '打开盖子取出卡纸，断电重启打印机；仍然失败时联系打印机厂家';
    case 'cameraPermissionDenied':
    case 'cameraInUse':
    case 'notConfigured':
    case 'starting':
    case 'ok':
    case 'printing':
      return `检查 /etc/bianmin-kiosk/kiosk.json 的 ${key}`;
  }
}
