import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import type { InputOf, MethodName, Response } from '../../../core/api/types';

export type KioskMethod = MethodName<KioskContract>;

/** The kiosk API as one async function per contract method, each answering that method's Result. */
export type KioskApi = {
  readonly [M in KioskMethod]: (input: InputOf<KioskContract, M>) => Promise<Response<KioskContract, M>>;
};

/**
 * The few methods one journey machine calls: its only way to the host. Picked from the contract,
 * so a changed input or answer breaks the machine's types, and a test fakes just these methods.
 */
export type ApiPart<M extends KioskMethod> = Pick<KioskApi, M>;

/**
 * The named methods over a client (the journey builds this once and gives it to its machine). The
 * list is the machine's own constant, so what it may call is written in one place.
 */
export function apiPart<const M extends KioskMethod>(client: Client<KioskContract>, methods: readonly M[]): ApiPart<M> {
  const part: Partial<Record<KioskMethod, (input: never) => Promise<unknown>>> = {};
  for (const method of methods) part[method] = (input) => client.call(method, input);
  return part as ApiPart<M>;
}
