import { onTestFinished } from 'vitest';
import { createClient, type Transport } from '../../../core/api/client';
import { contract, type KioskContract } from '../../../core/api/contract';
import type { EventSpec, MethodSpec } from '../../../core/api/define';
import type { MethodName, ParsedInputOf, PayloadOf, Response, EventName } from '../../../core/api/types';
import type { ConnectionMonitor, ConnectionState } from '../host/connection';
import type { HostConnection } from '../host/connect';

type Method = MethodName<KioskContract>;

export type FakeHandlers = {
  [M in Method]?: (
    input: ParsedInputOf<KioskContract, M>,
  ) => Response<KioskContract, M> | Promise<Response<KioskContract, M>>;
};

export interface FakeHost {
  readonly host: HostConnection;
  /** Every call the page made, in order, with its input as sent. */
  readonly calls: Array<{ method: string; input: unknown }>;
  callsTo(method: Method): unknown[];
  /** Pushes an event to the page, checked against the contract first. */
  emit<E extends EventName<KioskContract>>(event: E, payload: PayloadOf<KioskContract, E>): void;
  setConnection(state: ConnectionState): void;
  /** Swaps the answers for the rest of the test (e.g. the catalog arrives). */
  setHandlers(next: FakeHandlers): void;
}

const methodSpecs = contract.methods as Readonly<Record<string, MethodSpec | undefined>>;
const eventSpecs = contract.events as Readonly<Record<string, EventSpec | undefined>>;

/**
 * A strict stand-in for the kiosk host (docs/design-anchors.md §7.13): it answers only the methods a
 * test gave it, checks every input and every fixture answer against the real contract schemas,
 * and fails the test when the page calls anything else or sends something the host would refuse.
 * The page still talks to it through the real `createClient`.
 */
export function createFakeHost(initial: FakeHandlers): FakeHost {
  let handlers = initial;
  const problems: string[] = [];
  const calls: Array<{ method: string; input: unknown }> = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'open';

  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input });
      const spec = methodSpecs[method];
      const handler = (handlers as Record<string, ((input: unknown) => unknown) | undefined>)[method];
      if (!spec || !handler) {
        problems.push(`the page called ${method}, which this test did not expect`);
        throw new Error(`unexpected call to ${method}`);
      }
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        problems.push(`the page sent ${method} an input the host would refuse: ${parsed.error.message}`);
        return { ok: false, error: { code: 'invalidInput', message: parsed.error.message } };
      }
      const response = (await handler(parsed.data)) as Response<KioskContract, Method>;
      if (response.ok && !spec.output.safeParse(response.value).success) {
        problems.push(`the fixture answer to ${method} does not match the contract`);
      }
      return response;
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
  };

  const connection: ConnectionMonitor = {
    get state() {
      return state;
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
  };

  onTestFinished(() => {
    if (problems.length > 0) throw new Error(`fake host:\n${problems.join('\n')}`);
  });

  return {
    host: { client: createClient<KioskContract>(transport), connection },
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method).map((call) => call.input),
    emit(event, payload) {
      const checked = eventSpecs[event]?.payload.parse(payload);
      for (const listener of [...eventListeners]) listener(event, checked);
    },
    setConnection(next) {
      state = next;
      for (const listener of [...stateListeners]) listener(next);
    },
    setHandlers(next) {
      handlers = next;
    },
  };
}
