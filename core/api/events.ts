import type { ContractShape, EventName, PayloadOf } from './types';

export type EventListener = (event: string, payload: unknown) => void;

export interface EventBus<C extends ContractShape> {
  /** Validates the payload against the contract; an invalid payload is a bug and throws. */
  emit<E extends EventName<C>>(event: E, payload: PayloadOf<C, E>): void;
  /** Hosts subscribe once and forward every event to their renderer(s). */
  subscribe(listener: EventListener): () => void;
}

/**
 * A listener that throws (a destroyed window, a closed socket) must not stop the others or the
 * emitter, so each runs in isolation and its failure goes to `onListenerError`.
 */
export function createEventBus<C extends ContractShape>(
  contract: C,
  onListenerError: (event: string, error: unknown) => void,
): EventBus<C> {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const spec = contract.events[event];
      if (!spec) throw new Error(`event ${event} is not in the contract`);
      const checked = spec.payload.parse(payload);
      for (const listener of [...listeners]) {
        try {
          listener(event, checked);
        } catch (error) {
          onListenerError(event, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
