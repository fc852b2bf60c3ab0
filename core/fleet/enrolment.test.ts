import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrolmentRequest, type EnrolmentState } from '../../platform/contract/fleet';
import { readPlatformToken } from '../app/platform-token';
import { claimPath, enrol, type EnrolmentOptions } from './enrolment';

/**
 * A small real HTTP platform implementing the two enrolment endpoints as platform/contract/fleet.ts
 * and endpoints.ts describe them (one-time code, claim secret by sha256, token handed out once),
 * so the kiosk's client runs over real sockets with the approval in the test's hand (the core
 * layer cannot reach the reference platform's console). The reference platform's own endpoints
 * are tested in platform/server/routes/fleet-routes.test.ts, and the two together, with the
 * approval pressed in the console, in tests/e2e/fleet-console.spec.ts.
 */
function enrolmentPlatform() {
  const codes = new Set(['7K2M-9QXP-4HVT']);
  const enrolments = new Map<string, { request: EnrolmentRequest; state: EnrolmentState['state']; token: string }>();
  const posts: EnrolmentRequest[] = [];
  const app = new Hono();
  app.post('/api/v1/enrolments', async (c) => {
    if (!c.req.header('idempotency-key')) return c.json({ code: 'idempotencyKeyMissing' }, 400);
    const parsed = EnrolmentRequest.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ code: 'validationFailed' }, 400);
    posts.push(parsed.data);
    if (!codes.delete(parsed.data.code)) return c.json({ code: 'enrolmentCodeInvalid' }, 422);
    const enrolmentId = `ENR-${enrolments.size + 1}`;
    enrolments.set(enrolmentId, { request: parsed.data, state: 'pending', token: `terminal-token-${'x'.repeat(40)}` });
    return c.json({ enrolmentId, state: 'pending', stationId: '370784-JZ-DB' } satisfies EnrolmentState, 201);
  });
  app.get('/api/v1/enrolments/:id', (c) => {
    const enrolment = enrolments.get(c.req.param('id'));
    const secret = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    const sha = createHash('sha256').update(secret).digest('hex');
    if (!enrolment || enrolment.request.claimSecretSha256 !== sha) return c.json({ code: 'notFound' }, 404);
    const enrolmentId = c.req.param('id');
    if (enrolment.state === 'approved') {
      enrolment.state = 'collected';
      return c.json({ enrolmentId, state: 'approved', stationId: '370784-JZ-DB', terminalToken: enrolment.token });
    }
    if (enrolment.state === 'rejected') return c.json({ enrolmentId, state: 'rejected' });
    return c.json({ enrolmentId, state: enrolment.state, stationId: '370784-JZ-DB' });
  });
  return {
    app,
    posts,
    approve: (id: string) => {
      const enrolment = enrolments.get(id);
      if (enrolment) enrolment.state = 'approved';
    },
  };
}

let server: ServerType;
let baseUrl: string;
let platform: ReturnType<typeof enrolmentPlatform>;
let dir: string;

beforeEach(async () => {
  platform = enrolmentPlatform();
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  dir = mkdtempSync(join(tmpdir(), 'kiosk-enrol-'));
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<EnrolmentOptions> = {}) {
  const said: string[] = [];
  let polls = 0;
  const base: EnrolmentOptions = {
    baseUrl,
    tokenPath: join(dir, 'platform-token'),
    terminalId: 'KIOSK-370784-JZ-DB-01',
    appVersion: '1.4.0',
    code: '7K2M-9QXP-4HVT',
    replace: false,
    pollMs: 3_000,
    timeoutMs: 2_000,
    // The admin approves while the kiosk waits between its second and third poll.
    sleep: () => {
      polls += 1;
      if (polls === 2) platform.approve('ENR-1');
      return Promise.resolve();
    },
    say: (line) => said.push(line),
    maxPolls: 10,
    ...overrides,
  };
  return { options: base, said, polls: () => polls };
}

describe('enrolment', () => {
  it('asks with the code, waits for approval, and writes the token once, owner-only, readable by the kiosk', async () => {
    const run = options();
    const result = await enrol(run.options);
    expect(result).toEqual({
      ok: true,
      value: { enrolmentId: 'ENR-1', stationId: '370784-JZ-DB', tokenPath: join(dir, 'platform-token') },
    });
    expect(run.said).toEqual(['等待县级平台管理员批准 / waiting for approval in the console (enrolment ENR-1) …']);
    expect(run.polls()).toBe(2);
    expect(statSync(join(dir, 'platform-token')).mode & 0o777).toBe(0o600);
    expect(readPlatformToken(join(dir, 'platform-token'))).toEqual({
      ok: true,
      value: `terminal-token-${'x'.repeat(40)}`,
    });
    expect(existsSync(claimPath(join(dir, 'platform-token')))).toBe(false);
    // The platform got a hash, never the secret.
    expect(platform.posts[0]).toMatchObject({ terminalId: 'KIOSK-370784-JZ-DB-01', code: '7K2M-9QXP-4HVT' });
    expect(platform.posts[0]?.claimSecretSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses when a token file exists, unless --replace', async () => {
    writeFileSync(join(dir, 'platform-token'), 'old-revoked-token-0123456789\n', { mode: 0o600 });
    const refused = await enrol(options().options);
    expect(!refused.ok && refused.error).toMatch(/already holds a platform token.*--replace/);
    expect(platform.posts).toEqual([]);
    const replaced = await enrol(options({ replace: true }).options);
    expect(replaced.ok).toBe(true);
    expect(readFileSync(join(dir, 'platform-token'), 'utf8')).toBe(`terminal-token-${'x'.repeat(40)}\n`);
  });

  it('says plainly when the code is refused, and keeps no claim', async () => {
    const result = await enrol(options({ code: 'AAAA-BBBB-CCCC' }).options);
    expect(!result.ok && result.error).toMatch(/does not accept this enrolment code/);
    expect(existsSync(claimPath(join(dir, 'platform-token')))).toBe(false);
  });

  it('resumes an interrupted wait with the kept claim secret instead of spending the code again', async () => {
    const first = await enrol(options({ maxPolls: 1, sleep: () => Promise.resolve() }).options);
    expect(!first.ok && first.error).toMatch(/still waiting for approval/);
    const claim = claimPath(join(dir, 'platform-token'));
    expect(statSync(claim).mode & 0o777).toBe(0o600);
    platform.approve('ENR-1');
    const second = await enrol(options().options);
    expect(second.ok).toBe(true);
    expect(platform.posts).toHaveLength(1);
    expect(existsSync(claim)).toBe(false);
  });
});
