import { RatingSubmission, type RatingSubject } from '../../contract/ratings';
import { documentResponse } from '../http/documents';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { resolveCaseRef } from '../store/applications';
import { currentDocument } from '../store/documents';
import { findCurrentMatter, ratingOptionsVersion } from '../store/published';
import { findTicketForRating, isRated, recordRating } from '../store/ratings';
import { chinaDay } from '../time';
import { fieldProblem, notOwnStation } from './validation';

/**
 * 好差评: the versioned option set, and ratings. An application is named by its 办件编号 or, when
 * it was rated while still saved offline, by the kiosk's localRef, which is resolved here to the
 * case the same terminal submitted. Only application subjects are checked against stored
 * records: tickets issued offline, progress lookups and the like may have no platform record yet.
 */
export function registerRatingRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getRatingOptions', (c) =>
    documentResponse(c, currentDocument(ctx.db, 'ratingOptions'), 'rating option set'),
  );

  onEndpoint(app, 'findTicketForRating', (c) => {
    const { stationId } = c.get('terminal');
    return c.json(findTicketForRating(ctx.db, stationId, c.req.param('ticketNo') ?? '', chinaDay(ctx.now())));
  });

  onEndpoint(app, 'submitRating', (c) =>
    idempotentJson(ctx, c, RatingSubmission, 'RatingSubmission', (rating) => {
      const terminal = c.get('terminal');
      if (rating.stationId !== terminal.stationId) return notOwnStation();
      let subject: RatingSubject = rating.subject;
      if (subject.kind === 'application') {
        const caseNo = resolveCaseRef(ctx.db, terminal.terminalId, subject.ref);
        if (caseNo === undefined)
          return problemOutcome(422, 'caseNotFound', 'no such case (or localRef of this terminal)');
        subject = { kind: 'application', ref: caseNo };
      }
      if (rating.matter && !findCurrentMatter(ctx.db, rating.matter.matterCode)) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      const options = ratingOptionsVersion(ctx.db, rating.optionsVersion);
      if (!options)
        return problemOutcome(422, 'ratingOptionsOutdated', 'unknown rating options version; fetch them again');
      const offered = new Set(
        options.levels.find((entry) => entry.level === rating.level)?.options.map((option) => option.code) ?? [],
      );
      const stray = rating.optionCodes.findIndex((code) => !offered.has(code));
      if (stray >= 0) return fieldProblem(`/optionCodes/${stray}`, 'not an option of this level in that version');
      if (isRated(ctx.db, subject)) {
        return problemOutcome(409, 'ratingAlreadyExists', 'this service has already been rated (一次一评)');
      }
      return jsonOutcome(201, recordRating(ctx.db, ctx.sealer, terminal.terminalId, rating, subject, ctx.now()));
    }),
  );
}
