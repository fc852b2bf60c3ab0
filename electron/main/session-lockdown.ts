import type { Session } from 'electron';
import type { Logger } from '../../core/logging/logger';
import { allowPermissionCheck, allowPermissionRequest } from './permissions';

/**
 * A non-persistent partition (no `persist:` prefix): cookies, storage and caches live in memory
 * only, so nothing a resident typed reaches the disk and a restart starts clean (docs/reliability.md §3.4).
 */
export const KIOSK_PARTITION = 'kiosk-session';

/**
 * Applies the permission policy of ./permissions to a session and refuses every device picker and
 * download, each of which would otherwise open UI or hand a device to the page (checklist item 5;
 * §1.4 "File chooser": a download shows a save dialog with a file browser).
 */
export function lockDownSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const allowed = allowPermissionRequest({
      permission,
      isMainFrame: details.isMainFrame,
      requestingUrl: details.requestingUrl,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      securityOrigin: 'securityOrigin' in details ? details.securityOrigin : undefined,
    });
    if (allowed) logger.info({ permission, url: details.requestingUrl }, 'permission granted: document camera');
    else logger.warn({ permission, url: details.requestingUrl }, 'permission request denied');
    callback(allowed);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    allowPermissionCheck({
      permission,
      requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaType: details.mediaType,
      securityOrigin: details.securityOrigin,
      embeddingOrigin: details.embeddingOrigin,
    }),
  );

  // WebHID / WebSerial / WebUSB: the drivers own these devices from Node; the page gets none.
  session.setDevicePermissionHandler(() => false);

  // Picker events: preventDefault means "we choose", and choosing nothing cancels the request.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    logger.warn('refused a WebHID device picker');
    callback();
  });
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    logger.warn('refused a WebSerial port picker');
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    logger.warn('refused a WebUSB device picker');
    callback();
  });

  session.on('will-download', (event, item) => {
    event.preventDefault();
    logger.warn({ url: item.getURL() }, 'refused a download');
  });
}
