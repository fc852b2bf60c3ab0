import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { materialCount, readMaterialBytes } from '../store/materials';
import { createTestPlatform, KIOSK_2, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(async () => {
  await platform.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const path = (hash: string) => `/api/v1/materials/${hash}`;
const PAGE = bytes('%PDF-1.4 a scanned page of a 户口簿');

describe('PUT /api/v1/materials/{sha256}', () => {
  it('stores new bytes (201 with Location), then answers 200 for the same bytes and keeps one copy', async () => {
    platform = await createTestPlatform();
    const hash = sha256(PAGE);
    const first = await platform.request('PUT', path(hash), { body: PAGE, contentType: 'application/pdf' });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(path(hash));
    expect(first.json()).toMatchObject({ sha256: hash, size: PAGE.byteLength, contentType: 'application/pdf' });

    const again = await platform.request('PUT', path(hash), {
      body: PAGE,
      contentType: 'application/pdf',
      token: KIOSK_2.token,
    });
    expect(again.status).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await materialCount(platform.sql)).toBe(1);
  });

  it('keeps the bytes exactly as uploaded, sealed at rest under their plain sha256', async () => {
    platform = await createTestPlatform();
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 0xff, 0xd9]);
    await platform.request('PUT', path(sha256(image)), { body: image, contentType: 'image/jpeg' });
    const stored = await platform.sql.get<{ sealed_bytes: Buffer }>(
      'SELECT sealed_bytes FROM materials WHERE sha256 = ?',
      [sha256(image)],
    );
    expect(stored?.sealed_bytes.includes(Buffer.from(image))).toBe(false);
    expect(new Uint8Array((await readMaterialBytes(platform.sql, platform.sealer, sha256(image))) ?? [])).toEqual(
      image,
    );
  });

  it('refuses bytes that do not hash to the path: 422 hashMismatch, nothing stored', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('PUT', path(sha256(PAGE)), {
      body: bytes('truncated'),
      contentType: 'application/pdf',
    });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ code: 'hashMismatch' });
    expect(await materialCount(platform.sql)).toBe(0);
  });

  it('refuses a body over the cap with 413, and an empty body with 422', async () => {
    platform = await createTestPlatform({ limits: { materialMaxBytes: 16 } });
    const big = new Uint8Array(17).fill(7);
    const tooBig = await platform.request('PUT', path(sha256(big)), { body: big, contentType: 'image/png' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payloadTooLarge' });
    const empty = new Uint8Array(0);
    const none = await platform.request('PUT', path(sha256(empty)), { body: empty, contentType: 'image/png' });
    expect(none.status).toBe(422);
    expect(await materialCount(platform.sql)).toBe(0);
  });

  it('refuses content types other than JPEG, PNG and PDF with 415', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('PUT', path(sha256(PAGE)), { body: PAGE, contentType: 'text/html' });
    expect(response.status).toBe(415);
  });

  it('answers 404 for a path that is not a sha256', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('PUT', path('ABC'), { body: PAGE, contentType: 'application/pdf' });
    expect(response.status).toBe(404);
  });
});

describe('GET /api/v1/materials/{sha256}', () => {
  it('tells whether the platform holds the bytes, without returning them', async () => {
    platform = await createTestPlatform();
    const hash = sha256(PAGE);
    expect((await platform.request('GET', path(hash))).status).toBe(404);
    await platform.request('PUT', path(hash), { body: PAGE, contentType: 'application/pdf' });
    const held = await platform.request('GET', path(hash));
    expect(held.status).toBe(200);
    expect(held.json()).toMatchObject({ sha256: hash, size: PAGE.byteLength });
  });
});
