import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { buildRatingHandlers } from './handlers';
import { testServiceDeps, testCallContext as ctx } from '../testing/service-deps';

const TOKEN = 'token-care-rating-000000000';
let platform: EmbeddedPlatform;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'care-rating-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: 'KIOSK-TEST-01', token: TOKEN, stationId: 'TEST-STATION' }],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the reference platform accepts what the kiosk sends and answers a 差评 with its work order', async () => {
  const t = testServiceDeps({ token: TOKEN });
  t.platform.fallbackBaseUrl = platform.baseUrl;
  try {
    const handlers = buildRatingHandlers(t.deps);
    const options = await handlers['rating.options']({}, ctx);
    if (!options.ok) throw new Error('no rating options from the platform');
    const worst = options.value.levels.find((level) => level.level === 1);
    t.session.recordCompleted({
      kind: 'progressQuery',
      ref: 'AQ-20261121-0001',
      title: '查询办件进度',
      matterCode: null,
    });

    const result = await handlers['rating.submit'](
      {
        confirmationId: randomUUID(),
        service: { kind: 'progressQuery', ref: 'AQ-20261121-0001' },
        level: 1,
        optionsVersion: options.value.version,
        optionCodes: worst ? [worst.options[0]!.code] : [],
        callbackPhone: '13912345678',
      },
      ctx,
    );

    expect(result.ok && result.value).toEqual({
      status: 'delivered',
      workOrderNo: expect.any(String),
      followUpBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  } finally {
    await t.close();
  }
});
