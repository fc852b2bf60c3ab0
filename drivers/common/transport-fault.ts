import type { TransportError } from '../transport/byte-transport';
import type { DeviceFault } from './device';

/**
 * One mapping from a link failure to the device fault the manager reports, for every driver on a
 * ByteTransport: a missing or forbidden port is noDevice (check cable, udev rule); a port that is
 * there but will not talk (locked by another process, refused, silent, I/O errors) is offline.
 */
export function faultFromTransport(error: TransportError): DeviceFault {
  switch (error.code) {
    case 'notFound':
      return { state: 'noDevice', code: 'portMissing', detail: error.message };
    case 'permissionDenied':
      return { state: 'noDevice', code: 'permissionDenied', detail: error.message };
    case 'busy':
      return { state: 'offline', code: 'portBusy', detail: error.message };
    case 'closed':
      return { state: 'noDevice', code: 'disconnected', detail: error.message };
    case 'refused':
    case 'timeout':
      return { state: 'offline', code: 'noResponse', detail: error.message };
    case 'ioError':
      return { state: 'offline', code: 'disconnected', detail: error.message };
  }
}
