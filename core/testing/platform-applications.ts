import { createHash } from 'node:crypto';
import { json, type Route } from './fake-platform';

/**
 * The platform's answers to self-service applications, as routes for fakePlatform({ routes }):
 * PUT /materials/:sha256 stores bytes whose hash matches, POST /applications numbers cases in order.
 * Serve them with `replayByIdempotencyKey: true`, so a repeated Idempotency-Key gets the first
 * answer, as the contract says.
 */
export function applicationRoutes(): Array<[string, Route]> {
  let caseSeq = 0;
  const putMaterial: Route = ({ path, bytes }) => {
    const sha256 = path.slice('/materials/'.length);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return json(422, { code: 'hashMismatch' });
    return json(201, { sha256, size: bytes.length, contentType: 'application/pdf', storedAt: '2026-11-21T08:00:00Z' });
  };
  const postApplication: Route = ({ body }) => {
    caseSeq += 1;
    const answer = {
      caseNo: `AQ-20261121-${String(caseSeq).padStart(4, '0')}`,
      localRef: (body as { localRef: string }).localRef,
      acceptedAt: '2026-11-21T08:00:01Z',
      state: 'received',
      promisedBy: '2026-12-05',
      receiptLines: ['请保持电话畅通'],
    };
    return json(201, answer);
  };
  return [
    ['PUT /materials/:sha256', putMaterial],
    ['POST /applications', postApplication],
  ];
}

/** A PDF the capture staging accepts, different for every seed. */
export function samplePdfBase64(seed: string): string {
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n% ${seed}\n`),
    Buffer.alloc(80, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]).toString('base64');
}
