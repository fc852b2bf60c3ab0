import { describe, expect, it } from 'vitest';
import { parseProgressReference } from './reference';

describe('parseProgressReference', () => {
  it('reads a typed 办件编号', () => {
    expect(parseProgressReference(' AQ-20261121-0001 ')).toEqual({ kind: 'caseNo', caseNo: 'AQ-20261121-0001' });
  });

  it("reads the receipt QR with a case number or a local reference, whatever the scanner's case", () => {
    expect(parseProgressReference('bmkiosk:progress:AQ-20261121-0001')).toEqual({
      kind: 'caseNo',
      caseNo: 'AQ-20261121-0001',
    });
    expect(parseProgressReference('BMKIOSK:PROGRESS:9F1C2B3A-1111-4222-8333-444455556666')).toEqual({
      kind: 'localRef',
      localRef: '9f1c2b3a-1111-4222-8333-444455556666',
    });
  });

  it('takes a bare UUID as a local reference, not as a case number', () => {
    expect(parseProgressReference('9f1c2b3a-1111-4222-8333-444455556666').kind).toBe('localRef');
  });

  it('refuses anything else', () => {
    expect(parseProgressReference('bmkiosk:progress:').kind).toBe('invalid');
    expect(parseProgressReference('https://example.com/x')).toEqual({ kind: 'invalid' });
    expect(parseProgressReference('办件 123456')).toEqual({ kind: 'invalid' });
  });
});
