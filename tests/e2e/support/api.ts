import type { Page } from '@playwright/test';

/** One API call over the page's own WebSocket, as the renderer makes it. */
export async function callKioskApi(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, input }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
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
    { method, input },
  );
}
