import { ApplicationSubmission, CaseSearch } from '../../contract/applications';
import { isJson, parseJsonBody } from '../http/body';
import { commitIdempotent } from '../http/idempotency';
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

const notJson = () => problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');

/**
 * 自助申报 and 办件进度. Matters are checked against the current catalog by code only: a kiosk
 * that confirmed an application with an older matter version (offline, or before a catalog
 * update) is accepted and the version it used is recorded, because the resident already
 * confirmed and must not lose the application.
 *
 * The body is parsed inside the idempotent transaction, so a parse or validation failure is
 * stored and replayed like any other answer; a wrong media type is not (the header is not part
 * of the fingerprint).
 */
export function registerApplicationRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'submitApplication', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const input = parseJsonBody(c.get('idempotency').body, ApplicationSubmission, 'ApplicationSubmission');
      if (!input.ok) return input.error;
      const submission = input.value;
      const terminal = c.get('terminal');
      if (submission.stationId !== terminal.stationId) return notOwnStation();
      // The same application under a new key gets the first answer. This look is only the common
      // case; two at once on two instances are settled by recordApplication's unique constraint.
      const earlier = await findAcceptedApplication(tx, terminal.terminalId, submission.localRef);
      if (earlier) return jsonOutcome(201, earlier);
      const catalog = await currentCatalog(tx);
      const matter = catalog?.matters.find((entry) => entry.code === submission.matter.matterCode);
      if (!catalog || !matter) return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      const missing: string[] = [];
      for (const sha256 of referencedMaterials(submission)) {
        if (!(await findMaterial(tx, sha256))) missing.push(sha256);
      }
      if (missing.length > 0) {
        return problemOutcome(422, 'materialMissing', `${missing.length} referenced material(s) not uploaded yet`);
      }
      const acceptedAnswer = await recordApplication(
        tx,
        ctx.sealer,
        terminal.terminalId,
        submission,
        matter,
        catalog.region.code,
        ctx.now(),
      );
      ctx.log('info', 'application accepted', { caseNo: acceptedAnswer.caseNo, terminalId: terminal.terminalId });
      return jsonOutcome(201, acceptedAnswer);
    });
  });

  // Any terminal may read any case by number: the number is on the resident's receipt. Numbers
  // run in sequence, so the answer carries nothing personal unmasked (see DeliveryOnRecord).
  onEndpoint(app, 'getCase', async (c) => {
    const progress = await findCaseProgress(ctx.sql, ctx.sealer, c.req.param('caseNo') ?? '', ctx.now());
    return progress ? c.json(progress) : problemResponse(404, 'caseNotFound', 'no case with this number');
  });

  onEndpoint(app, 'searchCases', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const search = parseJsonBody(c.get('idempotency').body, CaseSearch, 'CaseSearch');
      if (!search.ok) return search.error;
      return jsonOutcome(200, { cases: await searchCases(tx, ctx.sealer, search.value, ctx.now()) });
    });
  });
}
