/**
 * The page a resident sees when the kiosk cannot serve them (docs/reliability.md §7.1): static HTML, no
 * script, Chinese first and English below, who to call, and why in plain words. It stays until
 * the kiosk is restarted; a technician reads the technical detail at the bottom.
 */

export type OutOfServiceReason =
  /** The core (store, platform link) did not start; `detail` is StartupError.message. */
  | { readonly kind: 'startupFailed'; readonly detail: string }
  /** The renderer died more often than the crash budget allows. */
  | { readonly kind: 'rendererCrashed'; readonly crashes: number; readonly windowMinutes: number }
  /** out/renderer/index.html is missing: the renderer was never built or was deleted. */
  | { readonly kind: 'uiMissing'; readonly detail: string };

export interface OutOfServicePageInput {
  readonly stationName: string;
  readonly terminalName: string;
  readonly hotline: string;
  readonly reason: OutOfServiceReason;
  /** When the kiosk went out of service. */
  readonly since: Date;
}

interface PlainReason {
  readonly zh: string;
  readonly en: string;
  readonly detail: string;
}

export function describeReason(reason: OutOfServiceReason): PlainReason {
  switch (reason.kind) {
    case 'startupFailed':
      return {
        zh: '本机的服务程序没有启动成功。',
        en: "The kiosk's service program did not start.",
        detail: reason.detail,
      };
    case 'rendererCrashed':
      return {
        zh: '屏幕程序多次意外退出，已停止自动重启。',
        en: 'The screen program stopped unexpectedly several times and is no longer restarted automatically.',
        detail: `renderer gone ${reason.crashes} times within ${reason.windowMinutes} minutes`,
      };
    case 'uiMissing':
      return {
        zh: '本机的界面文件缺失。',
        en: "The kiosk's screen files are missing.",
        detail: reason.detail,
      };
  }
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function formatLocalTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function renderOutOfServicePage(input: OutOfServicePageInput): string {
  const reason = describeReason(input.reason);
  const station = escapeHtml(input.stationName);
  const terminal = escapeHtml(input.terminalName);
  const hotline = escapeHtml(input.hotline);
  const since = escapeHtml(formatLocalTime(input.since));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂停服务 Out of service</title>
<style>
  html, body { margin: 0; height: 100%; background: #10325f; color: #ffffff; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
         display: flex; flex-direction: column; justify-content: center; padding: 6vh 8vw; box-sizing: border-box;
         user-select: none; cursor: default; }
  h1 { font-size: 9vmin; margin: 0 0 3vmin; }
  .zh p { font-size: 4.6vmin; margin: 0 0 2.2vmin; line-height: 1.4; }
  .zh .ask { font-size: 6vmin; font-weight: bold; color: #ffd84d; }
  .en { margin-top: 5vmin; padding-top: 3vmin; border-top: 2px solid rgba(255,255,255,0.4); }
  .en h2 { font-size: 4.6vmin; margin: 0 0 1.5vmin; }
  .en p { font-size: 3vmin; margin: 0 0 1.2vmin; line-height: 1.4; }
  .hotline { font-size: 5.4vmin; font-weight: bold; letter-spacing: 0.05em; }
  footer { margin-top: 5vmin; font-size: 2vmin; color: rgba(255,255,255,0.75); word-break: break-all; }
</style>
</head>
<body>
<main>
  <section class="zh">
    <h1>暂停服务</h1>
    <p class="ask">本机暂时无法使用，请联系工作人员。</p>
    <p>原因：${escapeHtml(reason.zh)}</p>
    <p>服务热线：<span class="hotline">${hotline}</span></p>
    <p>${station} · ${terminal}</p>
  </section>
  <section class="en" lang="en">
    <h2>Out of service</h2>
    <p>This kiosk cannot be used right now. Please ask the station staff for help.</p>
    <p>Reason: ${escapeHtml(reason.en)}</p>
    <p>Hotline: ${hotline}</p>
  </section>
</main>
<footer>技术信息 Technical detail（${since}）：${escapeHtml(reason.detail)}</footer>
</body>
</html>
`;
}
