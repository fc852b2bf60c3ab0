import { RatingSubmission, type RatingSubject } from '../../contract/ratings';
import { isJson, parseJsonBody } from '../http/body';
import { documentResponse } from '../http/documents';
import { commitIdempotent } from '../http/idempotency';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { resolveCaseRef } from '../store/applications';
import { currentDocument } from '../store/documents';
import { findCurrentMatter, ratingOptionsVersion } from '../store/published';
import { findTicketForRating, isRated, recordRatingOnce } from '../store/ratings';
import { chinaDay } from '../time';
import { fieldProblem, notOwnStation } from './validation';

const alreadyRated = () => problemOutcome(409, 'ratingAlreadyExists', 'this service has already been rated (一次一评)');

/**
 * 好差评: the versioned option set, and ratings. An application is named by its 办件编号 or, when
 * it was rated while still saved offline, by the kiosk's localRef, which is resolved here to the
 * case the same terminal submitted. Only application subjects are checked against stored
 * records: tickets issued offline, progress lookups and the like may have no platform record yet.
 */
export function registerRatingRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getRatingOptions', async (c) =>
    documentResponse(c, await currentDocument(ctx.sql, 'ratingOptions'), 'rating option set'),
  );

  onEndpoint(app, 'findTicketForRating', async (c) => {
    const { stationId } = c.get('terminal');
    return c.json(await findTicketForRating(ctx.sql, stationId, c.req.param('ticketNo') ?? '', chinaDay(ctx.now())));
  });

  onEndpoint(app, 'submitRating', async (c) => {
    if (!isJson(c.req.raw)) return problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');
    return commitIdempotent(ctx, c, async (tx) => {
      const input = parseJsonBody(c.get('idempotency').body, RatingSubmission, 'RatingSubmission');
      if (!input.ok) return input.error;
      const rating = input.value;
      const terminal = c.get('terminal');
      if (rating.stationId !== terminal.stationId) return notOwnStation();
      let subject: RatingSubject = rating.subject;
      if (subject.kind === 'application') {
        const caseNo = await resolveCaseRef(tx, terminal.terminalId, subject.ref);
        if (caseNo === undefined)
          return problemOutcome(422, 'caseNotFound', 'no such case (or localRef of this terminal)');
        subject = { kind: 'application', ref: caseNo };
      }
      if (rating.matter && !(await findCurrentMatter(tx, rating.matter.matterCode))) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      const options = await ratingOptionsVersion(tx, rating.optionsVersion);
      if (!options)
        return problemOutcome(422, 'ratingOptionsOutdated', 'unknown rating options version; fetch them again');
      const offered = new Set(
        options.levels.find((entry) => entry.level === rating.level)?.options.map((option) => option.code) ?? [],
      );
      const stray = rating.optionCodes.findIndex((code) => !offered.has(code));
      if (stray >= 0) return fieldProblem(`/optionCodes/${stray}`, 'not an option of this level in that version');
      // The common case, answered before a number is drawn; two at once on two instances are
      // settled by recordRatingOnce's unique constraint and get the same answer.
      if (await isRated(tx, subject)) return alreadyRated();
      const recorded = await recordRatingOnce(tx, ctx.sealer, terminal.terminalId, rating, subject, ctx.now());
      return recorded.ok ? jsonOutcome(201, recorded.value) : alreadyRated();
    });
  });
}
