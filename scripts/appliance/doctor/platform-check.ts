import { callPlatform } from '../../../core/platform-client/client';
import { describePlatformError } from '../../../core/platform-client/http';
import type { LoadedConfig } from '../../../kiosk-config/load';
import type { Result } from '../../../core/pure/result';
import { fail, pass, skip, warn, type CheckResult } from './check';
import type { FileInfo, ServiceUser } from './data-folder-check';

export interface PlatformFacts {
  /** core/app/platform-token.ts: the token, or why the service would refuse to start with it. */
  readonly readToken: (path: string) => Result<string, string>;
  readonly lstat: (path: string) => (FileInfo & { readonly gid: number }) | null;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
}

export const CLOCK_FAIL_MS = 60_000;
export const CLOCK_WARN_MS = 5_000;

const TOKEN = { id: 'platform.token', title: '平台令牌文件' } as const;
const REACH = { id: 'platform.reachable', title: '平台连接（令牌、TLS 证书）' } as const;
const CLOCK = { id: 'platform.clock', title: '本机时间（与平台相差）' } as const;

/** What the one request saw on the wire: the reply's Date header, or what fetch threw. */
interface Seen {
  date: string | null;
  answeredAt: Date | null;
  thrown: unknown;
}

/**
 * A remote platform: the token file as the service reads it, one cheap authenticated read
 * (getCatalogVersion: a few bytes, terminal auth), the certificate as Node verifies it, and the
 * clock against the reply's Date header (RFC 9110 §6.6.1). The embedded platform runs inside the
 * kiosk: nothing to reach.
 */
export async function checkPlatform(
  facts: PlatformFacts,
  loaded: LoadedConfig,
  user: ServiceUser & { gid: number },
): Promise<CheckResult[]> {
  const platform = loaded.config.platform;
  if (platform.mode === 'embedded') {
    const note = '内置平台（platform.mode = "embedded"）在一体机程序内运行，不需要联网检查';
    return [skip(TOKEN.id, TOKEN.title, note), skip(REACH.id, REACH.title, note), skip(CLOCK.id, CLOCK.title, note)];
  }
  const tokenPath = loaded.platformTokenPath ?? '';
  const token = facts.readToken(tokenPath);
  if (!token.ok) {
    const note = '没有可用的令牌，未连接平台';
    return [
      fail(
        TOKEN.id,
        TOKEN.title,
        token.error,
        `把县级平台发给本终端的令牌写入 ${tokenPath}，然后 sudo chown root:${user.name} ${tokenPath} && sudo chmod 640 ${tokenPath}`,
      ),
      skip(REACH.id, REACH.title, note),
      skip(CLOCK.id, CLOCK.title, note),
    ];
  }
  const results = [tokenResult(facts, tokenPath, user)];

  const seen: Seen = { date: null, answeredAt: null, thrown: null };
  const watched: typeof globalThis.fetch = async (input, init) => {
    try {
      const response = await facts.fetch(input, init);
      seen.date = response.headers.get('date');
      seen.answeredAt = facts.now();
      return response;
    } catch (error) {
      seen.thrown = error;
      throw error;
    }
  };
  const baseUrl = platform.baseUrl.replace(/\/+$/, '');
  const answer = await callPlatform(
    { baseUrl, token: token.value, timeoutMs: platform.timeoutMs, fetch: watched },
    'getCatalogVersion',
  );
  if (answer.ok) {
    results.push(pass(REACH.id, REACH.title, `${baseUrl} 接受了本终端的令牌（目录版本 ${answer.value.body.version}）`));
  } else if (answer.error.kind === 'http' && answer.error.status === 404) {
    // The business 404 (no catalog published yet) comes after authentication: the token is good.
    results.push(pass(REACH.id, REACH.title, `${baseUrl} 接受了本终端的令牌（平台上还没有发布服务目录）`));
  } else {
    results.push(reachFailure(answer.error, seen.thrown, baseUrl, tokenPath));
  }
  results.push(clockResult(seen));
  return results;
}

/** Readable by the service user, and by no one else (the service itself refuses a token others can read). */
function tokenResult(facts: PlatformFacts, path: string, user: ServiceUser & { gid: number }): CheckResult {
  const info = facts.lstat(path);
  const mode = info ? (info.mode & 0o777).toString(8).padStart(3, '0') : '?';
  const readable =
    info !== null &&
    ((info.uid === user.uid && (info.mode & 0o400) !== 0) || (info.gid === user.gid && (info.mode & 0o040) !== 0));
  if (!readable) {
    return fail(
      TOKEN.id,
      TOKEN.title,
      `${path}（权限 0${mode}）服务用户 ${user.name} 读不到`,
      `sudo chown root:${user.name} ${path} && sudo chmod 640 ${path}`,
    );
  }
  return pass(TOKEN.id, TOKEN.title, `${path} 存在，权限 0${mode}，只有服务用户 ${user.name} 能读`);
}

const TLS_REASONS: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: '平台的证书已过期',
  CERT_NOT_YET_VALID: '平台的证书尚未生效（也可能是本机时间不对）',
  DEPTH_ZERO_SELF_SIGNED_CERT: '平台用的是自签名证书',
  SELF_SIGNED_CERT_IN_CHAIN: '平台证书链中有不受信任的自签名根证书',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '无法验证平台证书的签发者（缺少中间证书或是私有 CA）',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: '无法验证平台证书的签发者（缺少中间证书或是私有 CA）',
  ERR_TLS_CERT_ALTNAME_INVALID: '平台证书上的域名与 platform.baseUrl 不符',
};

/** undici wraps the socket's error: `TypeError('fetch failed', { cause })`. */
export function causeCode(thrown: unknown): string | null {
  let current: unknown = thrown;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function reachFailure(
  error: Parameters<typeof describePlatformError>[0],
  thrown: unknown,
  baseUrl: string,
  tokenPath: string,
): CheckResult {
  const code = causeCode(thrown);
  const tls = code ? (TLS_REASONS[code] ?? (/CERT|TLS|SSL/.test(code) ? `TLS 握手失败（${code}）` : null)) : null;
  if (tls) {
    return fail(
      REACH.id,
      REACH.title,
      `${baseUrl}：${tls}（${code}）`,
      code === 'CERT_NOT_YET_VALID' || code === 'CERT_HAS_EXPIRED'
        ? '先运行 timedatectl 确认本机时间正确；时间正确时请县级平台管理员更换证书'
        : `请县级平台管理员换上受信任的证书；若县里用私有 CA，把 CA 证书放到 /etc/bianmin-kiosk/ 下，并用 sudo systemctl edit bianmin-kiosk.service 加上 Environment=NODE_EXTRA_CA_CERTS=<该文件>；核对 /etc/bianmin-kiosk/kiosk.json 的 platform.baseUrl`,
    );
  }
  if (error.kind === 'http' && (error.status === 401 || error.status === 403)) {
    return fail(
      REACH.id,
      REACH.title,
      `${baseUrl} 拒绝了本终端的令牌（HTTP ${error.status}）`,
      `向县级平台管理员核对终端编号（kiosk.json 的 terminal.id）并重新领取令牌，写入 ${tokenPath}`,
    );
  }
  const found = code ? `${describePlatformError(error)}（${code}）` : describePlatformError(error);
  const fix =
    error.kind === 'http' || error.kind === 'invalidResponse'
      ? '平台能连上但回答异常：核对 platform.baseUrl 是否指向平台的 API 地址；把此行告知县级平台管理员'
      : `检查网络：ip route、ping 网关；curl -sS -o /dev/null -w '%{http_code}\\n' ${baseUrl}；核对 /etc/bianmin-kiosk/kiosk.json 的 platform.baseUrl`;
  return fail(REACH.id, REACH.title, `${baseUrl}：${found}`, fix);
}

export function clockResult(seen: Pick<Seen, 'date' | 'answeredAt'>): CheckResult {
  if (seen.answeredAt === null) return skip(CLOCK.id, CLOCK.title, '平台没有回答，无法比较时间');
  const theirs = seen.date === null ? Number.NaN : Date.parse(seen.date);
  if (Number.isNaN(theirs))
    return warn(
      CLOCK.id,
      CLOCK.title,
      '平台的回答没有可用的 Date 头，无法比较时间',
      '运行 timedatectl 确认“System clock synchronized: yes”',
    );
  // Date has whole seconds: up to 1 s of the difference is the header's rounding.
  const skewMs = seen.answeredAt.getTime() - theirs;
  const seconds = Math.round(skewMs / 1000);
  const detail = `本机时间${seconds >= 0 ? '快' : '慢'} ${Math.abs(seconds)} 秒（平台 ${new Date(theirs).toISOString()}，本机 ${seen.answeredAt.toISOString()}）`;
  const fix =
    '开启网络对时：sudo timedatectl set-ntp true；查看 timedatectl timesync-status；没有网络时用 sudo timedatectl set-time 手动校准';
  if (Math.abs(skewMs) > CLOCK_FAIL_MS)
    return fail(CLOCK.id, CLOCK.title, `${detail}，超过 60 秒：预约、取号和上报的时间会错`, fix);
  if (Math.abs(skewMs) > CLOCK_WARN_MS) return warn(CLOCK.id, CLOCK.title, `${detail}，超过 5 秒`, fix);
  return pass(CLOCK.id, CLOCK.title, detail);
}
