import type { CaseProgress, CaseSearch, CaseSearchResult } from '../../platform/contract/applications';
import { ok, type Result } from '../pure/result';
import { callPlatform } from '../platform-client/client';
import type { HttpOptions, PlatformError } from '../platform-client/http';

/** `getCase`: 办件进度 of one case. */
export async function fetchCase(options: HttpOptions, caseNo: string): Promise<Result<CaseProgress, PlatformError>> {
  const answer = await callPlatform(options, 'getCase', { params: { caseNo } });
  return answer.ok ? ok(answer.value.body) : answer;
}

/**
 * `searchCases`: the person's cases. The identity number goes in the body, never in a URL (it
 * would land in proxy logs). A search changes nothing, so it needs no Idempotency-Key of its own
 * beyond the one the platform requires on every POST: a fresh one per search.
 */
export async function searchCases(
  options: HttpOptions,
  search: CaseSearch,
  idempotencyKey: string,
): Promise<Result<CaseSearchResult, PlatformError>> {
  const answer = await callPlatform(options, 'searchCases', { body: search, idempotencyKey });
  return answer.ok ? ok(answer.value.body) : answer;
}
