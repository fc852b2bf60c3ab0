import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { KioskContract } from '../../../../core/api/contract';
import type { InputOf, MethodName, Response } from '../../../../core/api/types';
import { useClient } from '../../api/api-context';

export type TechnicianMethod = Exclude<Extract<MethodName<KioskContract>, `technician.${string}`>, 'technician.enter'>;
type InputWithoutToken<M extends TechnicianMethod> = Omit<InputOf<KioskContract, M>, 'token'>;

export interface TechnicianSession {
  readonly token: string;
  /** When the technician came in: the inspection's start. */
  readonly startedAt: string;
  /** How long core keeps an unused session (from the first expiresAt). */
  readonly idleMs: number;
}

interface TechnicianApi {
  readonly session: TechnicianSession;
  call<M extends TechnicianMethod>(method: M, input: InputWithoutToken<M>): Promise<Response<KioskContract, M>>;
  /** Ends the session (退出) and returns to the attract screen. */
  exit(): void;
}

const TechnicianApiContext = createContext<TechnicianApi | null>(null);

/**
 * Every technician call with the session token. When core says the session is gone
 * (`notAuthorised`), or the screen sat unused as long as core's idle limit, the technician is
 * sent back to the attract screen: the renderer never shows technician data without a session.
 */
export function TechnicianApiProvider({
  session,
  onEnded,
  children,
}: {
  session: TechnicianSession;
  onEnded: (reason: 'exit' | 'expired') => void;
  children: ReactNode;
}) {
  const client = useClient();
  const ended = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const end = useCallback(
    (reason: 'exit' | 'expired') => {
      if (ended.current) return;
      ended.current = true;
      clearTimeout(timer.current);
      void client.call('technician.exit', { token: session.token });
      onEnded(reason);
    },
    [client, onEnded, session.token],
  );

  const armIdleTimer = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => end('expired'), session.idleMs);
  }, [end, session.idleMs]);

  useEffect(() => {
    armIdleTimer();
    return () => clearTimeout(timer.current);
  }, [armIdleTimer]);

  const value = useMemo<TechnicianApi>(
    () => ({
      session,
      async call(method, input) {
        armIdleTimer();
        const answer = await client.call(method, { ...input, token: session.token } as InputOf<
          KioskContract,
          typeof method
        >);
        if (!answer.ok && answer.error.code === 'notAuthorised') end('expired');
        return answer;
      },
      exit: () => end('exit'),
    }),
    [armIdleTimer, client, end, session],
  );
  return <TechnicianApiContext.Provider value={value}>{children}</TechnicianApiContext.Provider>;
}

export function useTechnicianApi(): TechnicianApi {
  const value = useContext(TechnicianApiContext);
  if (!value) throw new Error('useTechnicianApi must be used inside <TechnicianApiProvider>');
  return value;
}
