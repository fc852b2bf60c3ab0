import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { API_BASE_PATH, ENDPOINTS } from '../../platform/contract/endpoints';
import { EnrolmentId, EnrolmentState, type EnrolmentRequest } from '../../platform/contract/fleet';
import { err, ok, type Result } from '../pure/result';

/**
 * A kiosk joins the fleet (platform/contract/fleet.ts, docs/fleet.md): it asks with the one-time
 * code an admin created and the sha256 of a random claim secret, polls until an admin approved
 * it in the console, and collects its own token with the secret, once. The secret waits in a
 * 0600 file beside the token file (`<token file>.claim`) until the token is collected, so an
 * enrolment interrupted by a reboot resumes instead of burning the code. The token file is
 * written whole (temporary file, fsync, rename) with mode 0600, as readPlatformToken requires.
 */

export interface EnrolmentOptions {
  /** The platform's API base URL from the kiosk config (`platform.baseUrl`). */
  readonly baseUrl: string;
  /** `platform.tokenFile`, resolved. */
  readonly tokenPath: string;
  readonly terminalId: string;
  readonly appVersion: string;
  readonly code: string;
  /** Overwrite an existing token file (a kiosk whose token was revoked). */
  readonly replace: boolean;
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly fetch?: typeof globalThis.fetch;
  readonly sleep: (ms: number) => Promise<void>;
  /** One line for the technician. */
  readonly say: (line: string) => void;
  /** Run as root at a station: the token file goes to root:<this group> 0640, for the kiosk's user to read. */
  readonly tokenGroup?: number;
  /** Give up after this many polls; unlimited by default (the technician stops it with Ctrl-C). */
  readonly maxPolls?: number;
}

export interface Enrolled {
  readonly enrolmentId: string;
  readonly stationId: string;
  readonly tokenPath: string;
}

const Claim = z.object({ secret: z.string().min(32), enrolmentId: EnrolmentId.nullable(), code: z.string() });
type Claim = z.infer<typeof Claim>;

export const claimPath = (tokenPath: string) => `${tokenPath}.claim`;

const pathOf = (operationId: 'postEnrolment' | 'getEnrolment') => {
  const ep = ENDPOINTS.find((entry) => entry.operationId === operationId);
  if (!ep) throw new Error(`the contract has no ${operationId}`);
  return ep.path.slice(API_BASE_PATH.length);
};

/**
 * Writes `text` to `path` whole, surviving a power cut right after: owner-only (0600), or, with
 * `group`, readable by that group too (0640: root enrols, the kiosk's group reads it).
 */
export function writePrivateFileAtomically(path: string, text: string, group?: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (group !== undefined) chownSync(temporary, -1, group);
  // The umask cannot widen 0600, but make the mode explicit whatever created the folder.
  chmodSync(temporary, group === undefined ? 0o600 : 0o640);
  renameSync(temporary, path);
}

type Answer = { status: number; body: unknown } | { status: 'unreachable'; message: string };

async function request(
  options: EnrolmentOptions,
  init: { method: 'GET' | 'POST'; path: string; bearer?: string; json?: unknown },
): Promise<Answer> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.bearer) headers['authorization'] = `Bearer ${init.bearer}`;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = randomUUID();
  }
  try {
    const response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}${init.path}`, {
      method: init.method,
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      body = text.slice(0, 200);
    }
    return { status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 'unreachable', message: cause ?? (error as Error).message };
  }
}

const problemCode = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
    ? (body as { code: string }).code
    : null;

function readClaim(path: string): Claim | null {
  if (!existsSync(path)) return null;
  const parsed = Claim.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : null;
}

/** Posts the enrolment (or resumes one begun with the same code), polls, and writes the token. */
export async function enrol(options: EnrolmentOptions): Promise<Result<Enrolled, string>> {
  if (existsSync(options.tokenPath) && !options.replace) {
    return err(
      `${options.tokenPath} already holds a platform token. This kiosk is enrolled; to enrol it again ` +
        '(its token was revoked, or it moves to another station) add --replace.',
    );
  }
  const claimFile = claimPath(options.tokenPath);
  let claim = readClaim(claimFile);
  if (claim && claim.code !== options.code) claim = null;
  if (!claim) {
    claim = { secret: randomBytes(32).toString('base64url'), enrolmentId: null, code: options.code };
    writePrivateFileAtomically(claimFile, JSON.stringify(claim));
  }

  if (claim.enrolmentId === null) {
    const body: EnrolmentRequest = {
      code: options.code,
      terminalId: options.terminalId,
      appVersion: options.appVersion,
      claimSecretSha256: createHash('sha256').update(claim.secret).digest('hex'),
    };
    const posted = await request(options, { method: 'POST', path: pathOf('postEnrolment'), json: body });
    if (posted.status === 'unreachable')
      return err(`the platform at ${options.baseUrl} cannot be reached: ${posted.message}`);
    if (posted.status !== 201) {
      rmSync(claimFile, { force: true });
      const code = problemCode(posted.body);
      if (code === 'enrolmentCodeInvalid')
        return err(
          'the platform does not accept this enrolment code (mistyped, used or expired); ask the admin for a new one',
        );
      if (code === 'terminalAlreadyEnrolled')
        return err(`the platform already has an enrolled kiosk ${options.terminalId}; an admin must revoke it first`);
      return err(`the platform refused the enrolment (HTTP ${posted.status}${code ? ` ${code}` : ''})`);
    }
    const state = EnrolmentState.safeParse(posted.body);
    if (!state.success) return err('the platform answered the enrolment off-contract');
    claim = { ...claim, enrolmentId: state.data.enrolmentId };
    writePrivateFileAtomically(claimFile, JSON.stringify(claim));
  }

  const enrolmentId = claim.enrolmentId;
  if (enrolmentId === null) throw new Error('enrolment id missing after posting');
  options.say(`等待县级平台管理员批准 / waiting for approval in the console (enrolment ${enrolmentId}) …`);
  let unreachableSaid = false;
  for (let poll = 0; options.maxPolls === undefined || poll < options.maxPolls; poll += 1) {
    const answer = await request(options, {
      method: 'GET',
      path: pathOf('getEnrolment').replace('{enrolmentId}', encodeURIComponent(enrolmentId)),
      bearer: claim.secret,
    });
    if (answer.status === 'unreachable') {
      if (!unreachableSaid) options.say(`the platform cannot be reached (${answer.message}); still trying`);
      unreachableSaid = true;
    } else if (answer.status !== 200) {
      return err(`the platform refused to tell how enrolment ${enrolmentId} stands (HTTP ${answer.status})`);
    } else {
      unreachableSaid = false;
      const state = EnrolmentState.safeParse(answer.body);
      if (!state.success) return err('the platform answered off-contract while polling the enrolment');
      switch (state.data.state) {
        case 'pending':
          break;
        case 'approved':
          writePrivateFileAtomically(options.tokenPath, `${state.data.terminalToken}\n`, options.tokenGroup);
          rmSync(claimFile, { force: true });
          return ok({ enrolmentId, stationId: state.data.stationId, tokenPath: options.tokenPath });
        case 'collected':
          rmSync(claimFile, { force: true });
          return err(
            `enrolment ${enrolmentId}'s token was already collected; ask the admin to revoke it and issue a new code`,
          );
        case 'rejected':
          rmSync(claimFile, { force: true });
          return err(`an admin rejected enrolment ${enrolmentId}`);
      }
    }
    await options.sleep(options.pollMs);
  }
  return err(`enrolment ${enrolmentId} is still waiting for approval; run the same command again to keep waiting`);
}
