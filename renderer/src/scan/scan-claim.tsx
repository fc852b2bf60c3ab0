import { useEffect, useRef } from 'react';
import type { ScannedCode } from '../../../core/api/scanner';
import { useClient } from '../api/api-context';

/** A screen's own use of a scan; true when it took the read (the shell then does nothing). */
export type ScanClaim = (code: ScannedCode) => boolean;

/** The claim of the screen shown now, if any; the shell asks it before routing a read. */
export interface ScanClaims {
  /** Puts `claim` in place; the function returned takes it away again (if it is still there). */
  hold(claim: ScanClaim): () => void;
  /** True when the screen shown took the read. */
  offer(code: ScannedCode): boolean;
}

function createScanClaims(): ScanClaims {
  let current: ScanClaim | null = null;
  return {
    hold(claim) {
      current = claim;
      return () => {
        if (current === claim) current = null;
      };
    },
    offer: (code) => current?.(code) ?? false,
  };
}

/**
 * One place per API client (there is one per app) where the shown screen leaves its claim: the
 * reads arrive on that client, so whoever listens to them finds the claim there too.
 */
const registry = new WeakMap<object, ScanClaims>();

export function useScanClaims(): ScanClaims {
  const client = useClient();
  let claims = registry.get(client);
  if (!claims) {
    claims = createScanClaims();
    registry.set(client, claims);
  }
  return claims;
}

/**
 * While mounted (and `claim` is not null), the screen gets each scan first: the apply journey's
 * materials step takes a 亮证码 this way. The latest render's function is used.
 */
export function useScanClaim(claim: ScanClaim | null): void {
  const claims = useScanClaims();
  const latest = useRef(claim);
  useEffect(() => {
    latest.current = claim;
  });
  const active = claim !== null;
  useEffect(() => (active ? claims.hold((code) => latest.current?.(code) ?? false) : undefined), [claims, active]);
}
