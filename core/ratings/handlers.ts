import { BAD_RATING_MAX_LEVEL, RatingOptionSet, type RatingSubmission } from '../../platform/contract/ratings';
import type { KioskContract } from '../api/contract';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { atMost } from '../pure/at-most';
import { readPlatformDocument } from '../platform-documents/fetch';
import { readDocumentVersion } from '../platform-documents/store';
import { currentMatterRef } from './matter-ref';
import { checkOptionCodes, RATING_OPTIONS } from './rating-options';
import { findRatingByConfirmation, isRated, ratingResult, saveRating } from './rating-store';

export interface RatingHandlerOptions {
  /** How long the rating screen waits for the platform (options, delivery) before going on. */
  readonly platformWaitMs?: number;
}

/**
 * 好差评 at the kiosk: the versioned options, and one rating per completed service (一次一评).
 * No level is ever assumed: the resident's own choice is the only way a level gets here.
 */
export function buildRatingHandlers(
  deps: ServiceDeps,
  options: RatingHandlerOptions = {},
): Pick<Handlers<KioskContract>, 'rating.options' | 'rating.submit'> {
  const waitMs = options.platformWaitMs ?? 2_000;
  const log = deps.logger.child({ component: 'ratings' });

  return {
    'rating.options': async () => {
      const read = await readPlatformDocument(deps, RATING_OPTIONS, waitMs);
      if (!read) {
        return err({
          code: 'notAvailable' as const,
          message: 'the rating options have not been received from the platform yet',
        });
      }
      return ok({ ...read.document, source: read.source });
    },

    'rating.submit': async (input) => {
      const { kind, ref } = input.service;

      // A retried call (lost answer, double tap) gets the first call's result, nothing new.
      const earlier = findRatingByConfirmation(deps.db, input.confirmationId);
      if (earlier) return ok(ratingResult(deps.db, earlier.outboxId));

      const service = deps.session.findCompleted(kind, ref);
      if (!service) {
        return err({ code: 'unknownService' as const, message: `no ${kind} ${ref} was completed in this session` });
      }
      if (service.rated || isRated(deps.db, deps.sealer, kind, ref)) {
        deps.session.markRated(kind, ref);
        return err({ code: 'alreadyRated' as const, message: `${kind} ${ref} has already been rated` });
      }

      const stored = readDocumentVersion(deps.db, 'ratingOptions', input.optionsVersion);
      const set = stored ? RatingOptionSet.safeParse(stored.body) : null;
      if (!set?.success) {
        return err({
          code: 'invalidOptions' as const,
          message: `rating options version ${input.optionsVersion} is not known on this kiosk`,
        });
      }
      const checked = checkOptionCodes(set.data, input.level, input.optionCodes);
      if (!checked.ok) return err({ code: 'invalidOptions' as const, message: checked.error });

      if (input.callbackPhone !== undefined && input.level > BAD_RATING_MAX_LEVEL) {
        return err({
          code: 'callbackNotAllowed' as const,
          message: 'a callback phone is only taken for 不满意 and 非常不满意',
        });
      }

      const now = deps.now();
      const body: RatingSubmission = {
        subject: { kind, ref },
        matter: service.matterCode === null ? null : currentMatterRef(deps.db, service.matterCode),
        stationId: deps.info.station.id,
        channel: 'selfServiceTerminal',
        level: input.level,
        optionsVersion: input.optionsVersion,
        optionCodes: input.optionCodes,
        ...(input.comment ? { comment: input.comment } : {}),
        evaluator: deps.session.evaluator(),
        ...(input.callbackPhone !== undefined ? { callbackPhone: input.callbackPhone } : {}),
        ratedAt: now.toISOString(),
        // What the kiosk knew when the resident confirmed; the platform sees when it arrives.
        offline: deps.platformReachability() === 'unreachable',
      };

      const saved = saveRating(deps.db, deps.sealer, { confirmationId: input.confirmationId, body }, now);
      switch (saved.kind) {
        case 'alreadyRated':
          deps.session.markRated(kind, ref);
          return err({ code: 'alreadyRated' as const, message: `${kind} ${ref} has already been rated` });
        case 'sameConfirmation':
          return ok(ratingResult(deps.db, saved.outboxId));
        case 'saved':
          break;
      }
      deps.session.markRated(kind, ref);
      log.info({ outboxId: saved.outboxId, serviceKind: kind, level: input.level }, 'rating stored and queued');

      await atMost(deps.outbox.kick(), waitMs);
      return ok(ratingResult(deps.db, saved.outboxId));
    },
  };
}
