import { expect, type Page } from '@playwright/test';

/**
 * The county console as a person uses it (docs/console.md): signing in on its login page, and
 * the few console API calls a test makes from a signed-in page, with that session's cookie and
 * CSRF token, as the console app itself sends them.
 */

export interface ConsoleLogin {
  readonly username: string;
  readonly password: string;
}

export async function signInToConsole(page: Page, origin: string, who: ConsoleLogin): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/** POST /console/api/users from the signed-in admin's page: a station staff login for `stationId`. */
export async function createStationStaff(
  page: Page,
  staff: { readonly username: string; readonly displayName: string; readonly password: string },
  stationId: string,
): Promise<{ status: number }> {
  return page.evaluate(
    async ({ staff, stationId }) => {
      const session = (await (await fetch('/console/api/session', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
      };
      const response = await fetch('/console/api/users', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ ...staff, role: 'stationStaff', scope: { kind: 'station', stationId } }),
      });
      return { status: response.status };
    },
    { staff, stationId },
  );
}

/** GET /console/api<path> with the page's session; the status and the parsed body. */
export async function consoleGet(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    return { status: response.status, body: (await response.json()) as unknown };
  }, `/console/api${path}`);
}
