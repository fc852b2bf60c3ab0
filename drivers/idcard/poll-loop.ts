import type { IdCardEvent } from '../../core/api/devices';
import { createListeners } from '../transport/listeners';
import type { IdCard } from './card';
import type { DriverLogger, Exchange, ExchangeError } from './exchange';
import { maskCard } from './mask';
import { decodeIdCard, decodeReadPayload } from './read-payload';
import { describeSw3, SW3 } from './sw3';

export type CardFailureCode = Extract<IdCardEvent, { type: 'failed' }>['code'];

/**
 * The shortest pause between two finds the reader answered. A card placed waits on average half
 * the pause before its find, so the pause, not the wire, decides how soon a placed card is read:
 * with the configured 100–2000 ms period a resident waited 50–1000 ms more than the 118 ms the
 * read needs on the wire at 115200 baud (tests/bench/idcard.bench.ts). A find is 25 bytes (2.2 ms
 * at 115200, 26 ms at 9600) and the port is the reader's alone.
 */
export const MIN_FIND_GAP_MS = 10;

export interface PollLoop {
  start(): void;
  stop(): Promise<void>;
  readonly running: boolean;
  onEvent(listener: (event: IdCardEvent, card: IdCard | null) => void): () => void;
}

/**
 * find (20 01) → on 9F select (20 02) → read (30 01) → decode, docs/devices/id-card.md §11.
 * A placement is read once: after a read (or after giving up) the card must leave the field,
 * i.e. find must answer 80, before it is read again; that also emits 'removed'. A find that gets
 * no answer changes nothing (the manager's probe decides whether the reader is gone).
 *
 * Pace: while the reader answers finds, the next find follows after the last one's own round trip
 * (so the line stays idle at least half the time at any baud rate) and at least MIN_FIND_GAP_MS.
 * A find that got no answer, or an answer reporting a SAM problem, waits the configured period
 * (`pollIntervalMs`): a reader that is gone, power-starved or at the wrong baud rate is not asked
 * fifty times a second, and its problem is not logged that often either.
 *
 * Quirk: on readers whose SAM halts a card after reading it (find answers 80 while the card
 * still lies there), 'removed' follows the read at the next poll. We cannot tell the two apart.
 */
export function createPollLoop(options: {
  exchange: Exchange;
  logger: DriverLogger;
  pollIntervalMs: number;
  shortTimeoutMs: number;
  readTimeoutMs: number;
  readAttempts: number;
  onDisconnected: (detail: string) => void;
}): PollLoop {
  const { exchange, logger } = options;
  const events = createListeners<{ event: IdCardEvent; card: IdCard | null }>((error) =>
    logger.warn({ error: (error as Error).message }, 'id card reader: a card event listener threw'),
  );
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let placement: { attempts: number; settled: boolean } | null = null;
  let lastFindProblem: string | null = null;

  const emit = (event: IdCardEvent, card: IdCard | null = null) => events.emit({ event, card });

  const fail = (code: CardFailureCode, detail: string, retryable: boolean) => {
    if (!placement) return;
    logger.info({ code, detail, attempt: placement.attempts }, 'id card reader: read attempt failed');
    if (retryable && placement.attempts < options.readAttempts) return;
    placement.settled = true;
    emit({ type: 'failed', code });
  };

  /** select + read + decode for the card in the field. */
  const readPlacedCard = async () => {
    if (!placement) return;
    placement.attempts += 1;
    const selected = await exchange.send('selectCard', options.shortTimeoutMs);
    if (!selected.ok) return handleExchangeError(selected.error);
    if (selected.value.sw3 !== SW3.OK) return failFromSw3(selected.value.sw3);
    const read = await exchange.send('readCard', options.readTimeoutMs);
    if (!read.ok) return handleExchangeError(read.error);
    if (read.value.sw3 !== SW3.OK) return failFromSw3(read.value.sw3);
    const payload = decodeReadPayload(read.value.data, 'text+photo');
    // The bytes came intact (checksum) but do not form a card: retrying reads the same bytes.
    if (!payload.ok) return fail('invalidCardData', payload.error.detail, false);
    const card = decodeIdCard(payload.value);
    if (!card.ok) return fail('invalidCardData', card.error.detail, false);
    placement.settled = true;
    logger.info({ cardType: card.value.cardType }, 'id card reader: card read');
    emit({ type: 'read', card: maskCard(card.value) }, card.value);
  };

  const handleExchangeError = (error: ExchangeError) => {
    if (error.kind === 'disconnected') return options.onDisconnected(error.detail);
    fail('readerError', error.detail, true);
  };

  const failFromSw3 = (sw3: number) => {
    const entry = describeSw3(sw3);
    const detail = `SW3 0x${sw3.toString(16).padStart(2, '0')}: ${entry.meaning}`;
    switch (entry.outcome) {
      case 'readFailed':
      case 'noCard':
        return fail('readFailed', detail, true);
      case 'unrecognisedCard':
        return fail('unrecognisedCard', detail, false);
      default:
        return fail('readerError', detail, true);
    }
  };

  /** One find (and read, for a card not yet read); resolves to the pause before the next find. */
  const pollOnce = async (): Promise<number> => {
    const sentAt = performance.now();
    const found = await exchange.send('findCard', options.shortTimeoutMs);
    if (!found.ok) {
      if (found.error.kind === 'disconnected') options.onDisconnected(found.error.detail);
      else noteFindProblem(found.error.detail);
      return options.pollIntervalMs;
    }
    const answered = Math.max(MIN_FIND_GAP_MS, Math.ceil(performance.now() - sentAt));
    const { sw3 } = found.value;
    if (sw3 === SW3.CARD_FOUND) {
      lastFindProblem = null;
      if (!placement) {
        placement = { attempts: 0, settled: false };
        emit({ type: 'present' });
      }
      if (!placement.settled) await readPlacedCard();
      return answered;
    }
    const entry = describeSw3(sw3);
    if (entry.outcome === 'noCard') {
      lastFindProblem = null;
      if (placement) {
        placement = null;
        emit({ type: 'removed' });
      }
      return answered;
    }
    // SAM unauthorised / self-test failed / protocol errors: the probe reports these as status.
    noteFindProblem(`SW3 0x${sw3.toString(16).padStart(2, '0')}: ${entry.meaning}`);
    return options.pollIntervalMs;
  };

  /** Logs a find problem once per change, not every poll. */
  const noteFindProblem = (detail: string) => {
    if (detail === lastFindProblem) return;
    lastFindProblem = detail;
    logger.warn({ detail }, 'id card reader: find card did not work');
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = null;
      let next = options.pollIntervalMs;
      inFlight = pollOnce()
        .then((pause) => {
          next = pause;
        })
        .catch((error: unknown) =>
          logger.warn({ error: (error as Error).message }, 'id card reader: poll failed (bug)'),
        )
        .finally(() => {
          inFlight = null;
          if (running) schedule(next);
        });
    }, delayMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      if (!inFlight) schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
      // Whatever lies on the reader when polling resumes is a new placement and is read again.
      if (!running) placement = null;
    },
    get running() {
      return running;
    },
    onEvent: (listener) => events.add(({ event, card }) => listener(event, card)),
  };
}
