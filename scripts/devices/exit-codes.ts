import type { DeviceCode } from '../../core/api/devices';

/**
 * Exit codes a technician (or a script) can act on; sysexits.h numbers so shells and monitoring
 * tools already know them.
 */
export const EXIT = {
  ok: 0,
  /** EX_USAGE: wrong arguments; the usage text is printed. */
  usage: 64,
  /** EX_DATAERR: the device answered but reported a problem (paper out, SAM unauthorised …). */
  deviceProblem: 65,
  /** EX_UNAVAILABLE: no such device / port. */
  notFound: 69,
  /** EX_IOERR: I/O error or no answer within the timeout. */
  ioError: 74,
  /** EX_TEMPFAIL: the port is held by another process, usually the kiosk itself. */
  busy: 75,
  /** EX_NOPERM: permission denied (udev rule / group missing). */
  permission: 77,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Which exit code a driver's fault code stands for. */
export function exitCodeForFault(code: DeviceCode): ExitCode {
  switch (code) {
    case 'portMissing':
    case 'notConfigured':
      return EXIT.notFound;
    case 'permissionDenied':
    case 'cameraPermissionDenied':
      return EXIT.permission;
    case 'portBusy':
    case 'cameraInUse':
      return EXIT.busy;
    case 'noResponse':
    case 'garbledReplies':
    case 'disconnected':
    case 'starting':
      return EXIT.ioError;
    case 'ok':
      return EXIT.ok;
    default:
      // Everything else is a condition the device itself reported (SW3, DLE EOT).
      return EXIT.deviceProblem;
  }
}

/** What to tell the technician for each exit code (English first, Chinese in parentheses). */
export function adviceFor(exitCode: ExitCode, link: 'serial' | 'usb' | 'tcp' | 'hid'): string {
  switch (exitCode) {
    case EXIT.ok:
      return '';
    case EXIT.usage:
      return 'See `npm run devices -- --help`. (参数错误)';
    case EXIT.deviceProblem:
      return 'The device answered but reports a problem; fix it (paper, cover, SAM) and try again. (设备报告故障)';
    case EXIT.notFound:
      return link === 'tcp'
        ? 'Device not found: check the address and that the printer is on the network. (设备未找到)'
        : 'Device not found: check the cable and the path (`npm run devices -- list` shows what is attached). (设备未找到，请检查连接线和端口)';
    case EXIT.ioError:
      return 'No answer or I/O error: check power, cable and baud rate (--baud). (设备无响应)';
    case EXIT.busy:
      return 'The port is busy: another program holds it — stop the kiosk first (its service, or Ctrl+C where npm start runs). (端口被占用，请先停止自助终端程序)';
    case EXIT.permission:
      return link === 'hid'
        ? 'Permission denied: add the udev rule shown above, then replug the device. (没有访问权限)'
        : 'Permission denied: add the kiosk user to the dialout group (sudo usermod -aG dialout $USER, then log in again) or add a udev rule for the device, e.g. SUBSYSTEM=="tty", ATTRS{idVendor}=="xxxx", ATTRS{idProduct}=="yyyy", MODE="0660", GROUP="dialout" (for /dev/usb/lp*: group lp). (没有访问权限)';
  }
}
