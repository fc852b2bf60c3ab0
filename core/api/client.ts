import type { ApiError } from './errors';
import { ResponseEnvelope } from './wire';
import { err, type Result } from '../pure/result';
import type { ContractShape, EventName, InputOf, MethodName, PayloadOf, Response } from './types';

/**
 * How calls reach a host. `invoke` resolves with the host's answer envelope, or rejects when the
 * call could not be delivered; `subscribe` receives every event the host pushes.
 */
export interface Transport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface Client<C extends ContractShape> {
  call<M extends MethodName<C>>(method: M, input: InputOf<C, M>): Promise<Response<C, M>>;
  on<E extends EventName<C>>(event: E, listener: (payload: PayloadOf<C, E>) => void): () => void;
}

/**
 * The renderer's one way into the host, typed from the contract. It never rejects: a transport
 * failure or a malformed answer becomes `{ ok: false, error: { code: 'transport' } }`, so every
 * caller handles failure by branching on `ok`, never by try/catch.
 */
export function createClient<C extends ContractShape>(transport: Transport): Client<C> {
  return {
    async call(method, input) {
      let raw: unknown;
      try {
        raw = await transport.invoke(method, input);
      } catch (error) {
        return transportError(error instanceof Error ? error.message : String(error));
      }
      const envelope = ResponseEnvelope.safeParse(raw);
      if (!envelope.success) return transportError(`malformed answer to ${method}`);
      return envelope.data as Response<C, typeof method>;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as PayloadOf<C, typeof event>);
      });
    },
  };
}

function transportError(message: string): Result<never, ApiError<never>> {
  return err({ code: 'transport', message });
}
