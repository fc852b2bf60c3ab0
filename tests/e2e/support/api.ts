import type { Page } from '@playwright/test';
import { API_SUBPROTOCOL, KEY_SUBPROTOCOL_PREFIX, LAUNCH_KEY_STORAGE_ITEM } from '../../../core/api/launch-key';

/**
 * What a script in the kiosk page needs to open its own API socket the way the renderer does:
 * the launch key the page keeps (sessionStorage) offered as a subprotocol (core/api/launch-key.ts).
 * Passed into page.evaluate, which cannot import.
 */
export const PAGE_API_DOOR = {
  apiProtocol: API_SUBPROTOCOL,
  keyPrefix: KEY_SUBPROTOCOL_PREFIX,
  storageItem: LAUNCH_KEY_STORAGE_ITEM,
} as const;
export type PageApiDoor = typeof PAGE_API_DOOR;

/** One API call over the page's own WebSocket, as the renderer makes it. */
export async function callKioskApi(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, input, door }) => {
      const key = sessionStorage.getItem(door.storageItem) ?? '';
      const ws = new WebSocket(`ws://${location.host}/api`, [door.apiProtocol, `${door.keyPrefix}${key}`]);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve, { once: true });
        ws.addEventListener('error', () => reject(new Error('the kiosk refused the API socket')), { once: true });
      });
      const answer = new Promise<unknown>((resolve) =>
        ws.addEventListener('message', (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; response?: unknown };
          if (message.type === 'result' && message.id === 1) resolve(message.response);
        }),
      );
      ws.send(JSON.stringify({ type: 'call', id: 1, method, input }));
      const response = await answer;
      ws.close();
      return response;
    },
    { method, input, door: PAGE_API_DOOR },
  );
}
