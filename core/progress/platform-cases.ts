import { CaseProgress, CaseSearchResult, type CaseSearch } from '../../platform/contract/applications';
import { err, ok, type Result } from '../api/result';
import { platformRequest, type HttpOptions, type PlatformError } from '../platform-client/http';

/** `GET /cases/{caseNo}`: 办件进度 of one case. */
export async function fetchCase(options: HttpOptions, caseNo: string): Promise<Result<CaseProgress, PlatformError>> {
  const answer = await platformRequest(options, {
    method: 'GET',
    path: `/cases/${encodeURIComponent(caseNo)}`,
    schema: CaseProgress,
  });
  if (!answer.ok) return answer;
  if (answer.value.body === null) return err({ kind: 'invalidResponse', message: 'GET /cases: empty answer' });
  return ok(answer.value.body);
}

/**
 * `POST /case-searches`: the person's cases. The identity number goes in the body, never in a
 * URL (it would land in proxy logs). A search changes nothing, so it needs no Idempotency-Key
 * of its own beyond the one the platform requires on every POST: a fresh one per search.
 */
export async function searchCases(
  options: HttpOptions,
  search: CaseSearch,
  idempotencyKey: string,
): Promise<Result<CaseSearchResult, PlatformError>> {
  const answer = await platformRequest(options, {
    method: 'POST',
    path: '/case-searches',
    schema: CaseSearchResult,
    body: search,
    headers: { 'idempotency-key': idempotencyKey },
  });
  if (!answer.ok) return answer;
  if (answer.value.body === null) return err({ kind: 'invalidResponse', message: 'POST /case-searches: empty answer' });
  return ok(answer.value.body);
}
