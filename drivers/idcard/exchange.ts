import { err, ok, type Result } from '../../core/pure/result';
import { createLock } from '../common/lock';
import { withTimeout } from '../common/timeout';
import type { ByteTransport } from '../transport/byte-transport';
import { requests, type CommandName } from './commands';
import { createFrameStream, type Scheduler } from './frame-stream';
import { decodeResponse, type SamResponse } from './protocol';
import { SW3 } from './sw3';

/**
 * One request, one response, one at a time (docs/design-anchors.md §7.9), with a response timeout and
 * at most one retry (docs/reliability.md §5.3 point 7). Frames that cannot be the answer to the
 * request in flight (a late answer to a request that already timed out) are skipped by shape, so a
 * slow reader cannot shift every later answer by one.
 */
export type ExchangeError =
  | { readonly kind: 'noResponse'; readonly garbled: boolean; readonly detail: string }
  | { readonly kind: 'disconnected'; readonly detail: string };

export interface DriverLogger {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  debug(fields: Record<string, unknown>, msg: string): void;
}

export const silentDriverLogger: DriverLogger = {
  info: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
};

export interface Exchange {
  send(
    command: Exclude<CommandName, 'setBaudRate' | 'setMaxRfFrame'>,
    timeoutMs: number,
  ): Promise<Result<SamResponse, ExchangeError>>;
  /** Resolves any request in flight as disconnected (the transport closed). */
  abort(detail: string): void;
  close(): void;
}

/** Which successful answers fit which request (§4/§5 payload sizes); failures: see CARD_FAILURES. */
const SUCCESS_SHAPE: Record<Parameters<Exchange['send']>[0], (r: SamResponse) => boolean> = {
  resetSam: (r) => r.sw3 === SW3.OK && r.data.length === 0,
  samStatus: (r) => r.sw3 === SW3.OK && r.data.length === 0,
  samId: (r) => r.sw3 === SW3.OK && r.data.length === 16,
  findCard: (r) => r.sw3 === SW3.CARD_FOUND && r.data.length <= 8,
  selectCard: (r) => r.sw3 === SW3.OK && r.data.length <= 12,
  readCard: (r) => r.sw3 === SW3.OK && r.data.length >= 4,
  readCardWithFingerprint: (r) => r.sw3 === SW3.OK && r.data.length >= 6,
  readAppendedAddress: (r) => (r.sw3 === SW3.OK || r.sw3 === SW3.NO_CONTENT) && r.data.length <= 72,
};

const isSuccessCode = (sw3: number) => sw3 === SW3.OK || sw3 === SW3.CARD_FOUND || sw3 === SW3.NO_CONTENT;

const READ_FAILURES = [
  SW3.CARD_REJECTED_SAM,
  SW3.SAM_REJECTED_CARD,
  SW3.VERIFICATION_ERROR,
  SW3.UNRECOGNISED_CARD,
  SW3.READ_FAILED,
  SW3.RANDOM_FAILED,
];

/**
 * A failure about a card answers only the card command that met it: find says "no card" (80),
 * select "select failed" (81), a read its card-level codes (31–33, 40, 41, 47). Taken by any other
 * request, the late 80 of a find that had timed out became the SAM's status, and a busy kiosk
 * reported its healthy reader broken until restarted. SAM-level and protocol codes (10–24, 60, 66)
 * can answer anything.
 */
const CARD_FAILURES: Record<Parameters<Exchange['send']>[0], readonly number[]> = {
  resetSam: [],
  samStatus: [],
  samId: [],
  findCard: [SW3.NO_CARD],
  selectCard: [SW3.SELECT_FAILED],
  readCard: READ_FAILURES,
  readCardWithFingerprint: READ_FAILURES,
  readAppendedAddress: READ_FAILURES,
};
const ANY_CARD_FAILURE = new Set<number>(Object.values(CARD_FAILURES).flat());

/** Whether `response` can be the answer to `command` (anything else is a late answer to an earlier one). */
function answers(command: Parameters<Exchange['send']>[0], response: SamResponse): boolean {
  if (isSuccessCode(response.sw3)) return SUCCESS_SHAPE[command](response);
  if (response.data.length !== 0) return false;
  return !ANY_CARD_FAILURE.has(response.sw3) || CARD_FAILURES[command].includes(response.sw3);
}

type Outcome = SamResponse | { closed: string };

export function createExchange(options: {
  transport: ByteTransport;
  logger: DriverLogger;
  scheduler?: Scheduler;
}): Exchange {
  const { transport, logger } = options;
  const lock = createLock();
  let waiting: { accepts: (r: SamResponse) => boolean; resolve: (o: Outcome) => void } | null = null;
  let bytesThisRequest = 0;

  const stream = createFrameStream({
    scheduler: options.scheduler,
    onFrame(frame) {
      const decoded = decodeResponse(frame);
      if (!decoded.ok) return; // the parser already verified it; unreachable in practice
      const current = waiting;
      if (current?.accepts(decoded.value)) {
        waiting = null;
        current.resolve(decoded.value);
      } else {
        logger.debug(
          { sw3: decoded.value.sw3, bytes: frame.length },
          'id card reader: skipped a frame nobody asked for',
        );
      }
    },
  });
  const unsubscribe = transport.onData((chunk) => {
    bytesThisRequest += chunk.length;
    stream.push(chunk);
  });

  const abort = (detail: string) => {
    const current = waiting;
    waiting = null;
    current?.resolve({ closed: detail });
  };

  const attempt = async (command: Parameters<Exchange['send']>[0], timeoutMs: number): Promise<Outcome | 'timeout'> => {
    if (!transport.isOpen) return { closed: 'transport is not open' };
    stream.reset(); // a partial frame left by an earlier timeout can never be this answer
    const answer = new Promise<Outcome>((resolve) => {
      waiting = { accepts: (r) => answers(command, r), resolve };
    });
    const written = await transport.write(requests[command]());
    if (!written.ok) {
      abort(written.error.message);
      return { closed: `write failed: ${written.error.code}` };
    }
    const outcome = await withTimeout<Outcome | 'timeout'>(answer, timeoutMs, () => 'timeout');
    if (outcome === 'timeout') waiting = null;
    return outcome;
  };

  return {
    send(command, timeoutMs) {
      return lock.run(async () => {
        bytesThisRequest = 0;
        for (let tries = 1; tries <= 2; tries++) {
          const outcome = await attempt(command, timeoutMs);
          if (outcome === 'timeout') {
            logger.debug({ command, tries, bytes: bytesThisRequest }, 'id card reader: no answer in time');
            continue;
          }
          if ('closed' in outcome) return err({ kind: 'disconnected', detail: outcome.closed });
          return ok(outcome);
        }
        const garbled = bytesThisRequest > 0;
        return err({
          kind: 'noResponse',
          garbled,
          detail: garbled
            ? `${bytesThisRequest} bytes but no valid answer to ${command} within ${timeoutMs} ms (twice)`
            : `no answer to ${command} within ${timeoutMs} ms (twice)`,
        });
      });
    },
    abort,
    close() {
      abort('closed');
      unsubscribe();
      stream.close();
    },
  };
}
