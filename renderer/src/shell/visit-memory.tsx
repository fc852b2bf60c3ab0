import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { useClient } from '../api/api-context';
import { rememberingPhones } from './phone-given';
import { ShellActor, useShellSend } from './shell-context';

/**
 * What this visit already told the kiosk and may be offered again in its next journey, so a
 * resident does not type the same phone number twice. It lives in the shell's visit, which is
 * thrown away when the visit ends (完成, 结束办理, the idle reset, another person's card): nothing
 * of it survives the visit (docs/privacy.md).
 */
export interface VisitMemory {
  /** The phone number last given in a finished step of this visit (help, rating, booking, application). */
  readonly givenPhone: string | null;
  readonly rememberPhone: (phone: string) => void;
}

const NOTHING: VisitMemory = { givenPhone: null, rememberPhone: () => undefined };

const VisitMemoryContext = createContext<VisitMemory>(NOTHING);

export function useVisitMemory(): VisitMemory {
  return useContext(VisitMemoryContext);
}

/** Provides the shell's visit memory to the screens (below the shell actor). */
export function VisitMemoryProvider({ children }: { children: ReactNode }) {
  const givenPhone = ShellActor.useSelector((snapshot) => snapshot.context.givenPhone);
  const send = useShellSend();
  const rememberPhone = useCallback((phone: string) => send({ type: 'PHONE_GIVEN', phone }), [send]);
  const memory = useMemo<VisitMemory>(() => ({ givenPhone, rememberPhone }), [givenPhone, rememberPhone]);
  return <VisitMemoryContext.Provider value={memory}>{children}</VisitMemoryContext.Provider>;
}

/** A test's visit memory, or a screen shown outside the shell. */
export const VisitMemoryTestProvider = VisitMemoryContext.Provider;

/** The API client of a journey that asks for a phone: a phone it sends is offered in the next one. */
export function useClientRememberingPhones(): Client<KioskContract> {
  const client = useClient();
  const { rememberPhone } = useVisitMemory();
  return useMemo(() => rememberingPhones(client, rememberPhone), [client, rememberPhone]);
}
