import fc from 'fast-check';
import { createWSMessageEvent, WSContext, type WSMessageReceive } from 'hono/ws';
import { contract } from '../../../core/api/contract';
import { CallMessage, ResponseEnvelope, ServerMessage } from '../../../core/api/wire';
import { silentLogger } from '../../../core/logging/logger';
import { apiConnectionEvents } from '../../../core/serve/websocket-api';
import { checkAnswer, type Call, type KioskHarness } from '../kiosk-harness';
import { nastyValue } from '../mutate';
import { asyncProperty, check, Violation, within, type FuzzProperty } from '../target';

/**
 * The browser host's API socket, core/serve/websocket-api.ts, with the real dispatcher behind it:
 * call frames derived from the contract, frames that are JSON but not calls, frames that are not
 * JSON, binary frames. Every frame gets exactly one `result` frame back, with the call's id (or
 * null when there was no usable id), carrying a well-formed response; nothing a page sends throws.
 */

/** A frame as sent, or a call to be turned into one once the kiosk is in its state. */
type Frame =
  | { readonly kind: 'raw'; readonly data: WSMessageReceive; readonly label: string }
  | {
      readonly kind: 'call';
      readonly call: Call;
      readonly id: unknown;
      readonly extra: boolean;
      /** Cut the frame's text at this fraction (a frame broken off mid-JSON); 1 keeps it whole. */
      readonly cut: number;
    };

const ids = fc.oneof(
  { weight: 6, arbitrary: fc.nat() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 1.5, 2 ** 60, Number.MAX_SAFE_INTEGER, '7', null, true, {}) },
);

/** The socket's property over a kiosk harness the API target already built (one set-up for both). */
export function websocketFrames(harness: KioskHarness): { property: FuzzProperty; close(): void } {
  const sent: string[] = [];
  const ws = new WSContext({
    send: (data) => void sent.push(typeof data === 'string' ? data : '(binary)'),
    close: () => undefined,
    readyState: 1,
  });
  const events = apiConnectionEvents({
    dispatch: harness.dispatch,
    subscribe: () => () => undefined,
    logger: silentLogger(),
  });
  events.onOpen?.(new Event('open'), ws);

  const whole = fc.constant(1);
  const callFrames = (cut: fc.Arbitrary<number>): fc.Arbitrary<Frame> =>
    fc.record({ kind: fc.constant('call' as const), call: harness.calls, id: ids, extra: fc.boolean(), cut });
  const raw = (data: WSMessageReceive, label: string): Frame => ({ kind: 'raw', data, label });
  const otherFrames: fc.Arbitrary<Frame> = fc.oneof(
    fc.jsonValue().map((value) => raw(JSON.stringify(value), 'json')),
    nastyValue('json').map((value) => raw(JSON.stringify(value) ?? 'null', 'nasty json')),
    fc.string({ unit: 'binary', maxLength: 80 }).map((data) => raw(data, 'text')),
    fc
      .integer({ min: 1_000, max: 100_000 })
      .map((depth) =>
        raw(`{"type":"call","id":1,"method":"kiosk.info","input":${'['.repeat(depth)}${']'.repeat(depth)}}`, 'deep'),
      ),
    callFrames(fc.double({ min: 0, max: 0.99, noNaN: true })),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => raw(bytes.buffer, 'binary')),
  );

  /** The frame's data, with the kiosk put in the call's state first. */
  const frameData = async (frame: Frame): Promise<{ data: WSMessageReceive; label: string }> => {
    if (frame.kind === 'raw') {
      await harness.ensureState('nobody');
      return frame;
    }
    const input = await harness.prepare(frame.call);
    const message: Record<string, unknown> = { type: 'call', id: frame.id, method: frame.call.method, input };
    if (frame.extra) message['extra'] = 'field';
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      text = JSON.stringify({ ...message, input: null }); // a BigInt in the input
    }
    const label = `call ${frame.call.method} (${frame.call.how})`;
    return frame.cut < 1
      ? { data: text.slice(0, Math.floor(frame.cut * text.length)), label: `cut ${label}` }
      : { data: text, label };
  };
  const frames = fc.oneof({ weight: 4, arbitrary: callFrames(whole) }, { weight: 2, arbitrary: otherFrames });

  const deliver = asyncProperty(
    'websocket-frames',
    frames,
    async (generated) => {
      const frame = await frameData(generated);
      const before = sent.length;
      try {
        events.onMessage?.(createWSMessageEvent(frame.data), ws);
      } catch (error) {
        throw new Violation(`onMessage threw on a ${frame.label} frame: ${String(error)}`);
      }
      await within(
        (async () => {
          while (sent.length === before) await new Promise((resolve) => setImmediate(resolve));
        })(),
        14_000,
      );
      // Let a (wrong) second answer show itself.
      await new Promise((resolve) => setImmediate(resolve));
      check(sent.length === before + 1, `${sent.length - before} answers to one ${frame.label} frame`);
      const text = sent[before]!;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        throw new Violation(`the answer is not JSON: ${text.slice(0, 200)}`);
      }
      const parsed = ServerMessage.safeParse(message);
      check(parsed.success && parsed.data.type === 'result', 'the answer is not a result frame');
      const result = parsed.data as { id: number | null; response: unknown };
      check(ResponseEnvelope.safeParse(result.response).success, 'the response is not a Result envelope');

      let json: unknown = undefined;
      try {
        json = typeof frame.data === 'string' ? JSON.parse(frame.data) : undefined;
      } catch {
        json = undefined;
      }
      const call = CallMessage.safeParse(json);
      if (call.success) {
        check(result.id === call.data.id, `answered id ${result.id} to call ${call.data.id}`);
        const spec = (contract.methods as Record<string, { errors: readonly string[] }>)[call.data.method];
        checkAnswer(result.response, spec, call.data.method);
      } else {
        const id = (json as { id?: unknown } | null | undefined)?.id;
        const expected = typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
        check(result.id === expected, `answered id ${result.id} to a frame with id ${String(id)}`);
        const response = result.response as { ok: boolean; error?: { code: string } };
        check(!response.ok && response.error?.code === 'invalidInput', 'a frame that is not a call was not refused');
      }
      const bugs = harness.takeBugs();
      if (bugs.length > 0) throw new Violation(`a bug was reported:\n${bugs.join('\n')}`);
    },
    { timeoutMs: 15_000 },
  );

  return {
    property: deliver,
    close: () => events.onClose?.(new Event('close') as Parameters<NonNullable<typeof events.onClose>>[0], ws),
  };
}
