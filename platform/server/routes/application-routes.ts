import { ApplicationSubmission, CaseSearch } from '../../contract/applications';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import {
  findAcceptedApplication,
  findCaseProgress,
  recordApplication,
  referencedMaterials,
  searchCases,
} from '../store/applications';
import { findMaterial } from '../store/materials';
import { currentCatalog } from '../store/published';
import { notOwnStation } from './validation';

/**
 * 自助申报 and 办件进度. Matters are checked against the current catalog by code only: a kiosk
 * that confirmed an application with an older matter version (offline, or before a catalog
 * update) is accepted and the version it used is recorded, because the resident already
 * confirmed and must not lose the application.
 */
export function registerApplicationRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'submitApplication', (c) =>
    idempotentJson(ctx, c, ApplicationSubmission, 'ApplicationSubmission', (submission) => {
      const terminal = c.get('terminal');
      if (submission.stationId !== terminal.stationId) return notOwnStation();
      const earlier = findAcceptedApplication(ctx.db, terminal.terminalId, submission.localRef);
      if (earlier) return jsonOutcome(201, earlier);
      const catalog = currentCatalog(ctx.db);
      const matter = catalog?.matters.find((entry) => entry.code === submission.matter.matterCode);
      if (!catalog || !matter) return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      const missing = referencedMaterials(submission).filter((sha256) => !findMaterial(ctx.db, sha256));
      if (missing.length > 0) {
        return problemOutcome(422, 'materialMissing', `${missing.length} referenced material(s) not uploaded yet`);
      }
      const acceptedAnswer = recordApplication(
        ctx.db,
        ctx.sealer,
        terminal.terminalId,
        submission,
        matter,
        catalog.region.code,
        ctx.now(),
      );
      ctx.log('info', 'application accepted', { caseNo: acceptedAnswer.caseNo, terminalId: terminal.terminalId });
      return jsonOutcome(201, acceptedAnswer);
    }),
  );

  // Any terminal may read any case by number: the number is on the resident's receipt. Numbers
  // run in sequence, so the answer carries nothing personal unmasked (see DeliveryOnRecord).
  onEndpoint(app, 'getCase', (c) => {
    const progress = findCaseProgress(ctx.db, ctx.sealer, c.req.param('caseNo') ?? '', ctx.now());
    return progress ? c.json(progress) : problemResponse(404, 'caseNotFound', 'no case with this number');
  });

  onEndpoint(app, 'searchCases', (c) =>
    idempotentJson(ctx, c, CaseSearch, 'CaseSearch', (search) =>
      jsonOutcome(200, { cases: searchCases(ctx.db, ctx.sealer, search, ctx.now()) }),
    ),
  );
}
