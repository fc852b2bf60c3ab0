import type { CaseType, Handling } from '../contract/catalog';
import { parseCsv } from './csv';

/** One row of the published Anqiu list: only what the document itself says about a matter. */
export interface ListedMatter {
  seq: number;
  name: string;
  caseType: CaseType;
  handling: Handling;
}

export const MATTER_LIST_HEADER = ['seq', 'name', 'case_type', 'handling'] as const;

/** The document's own words (办件类型 and 备注 columns) and their code names (docs/domain.md §2). */
export const CASE_TYPE_BY_LABEL: ReadonlyMap<string, CaseType> = new Map<string, CaseType>([
  ['即办件', 'instant'],
  ['承诺件', 'promised'],
]);
export const HANDLING_BY_LABEL: ReadonlyMap<string, Handling> = new Map<string, Handling>([
  ['当场办', 'onSite'],
  ['帮办代办', 'assisted'],
  ['便民事项', 'convenience'],
]);

/**
 * Reads the list as it is published. Anything unexpected — another header, an unknown label, a
 * missing or repeated number — is an error rather than a silently shorter catalog, because the
 * list is the one part of the seed we copy, not write.
 */
export function parseMatterList(csvText: string): ListedMatter[] {
  const [header, ...rows] = parseCsv(csvText);
  if (!header || header.join(',') !== MATTER_LIST_HEADER.join(',')) {
    throw new Error(
      `matter list: expected the header ${MATTER_LIST_HEADER.join(',')}, got ${header?.join(',') ?? 'nothing'}`,
    );
  }
  return rows.map((fields, index) => {
    const where = `matter list row ${index + 2}`;
    const [seqText, rawName, caseLabel, handlingLabel] = fields;
    if (fields.length !== MATTER_LIST_HEADER.length || seqText === undefined || rawName === undefined) {
      throw new Error(`${where}: expected ${MATTER_LIST_HEADER.length} fields, got ${fields.length}`);
    }
    const seq = Number(seqText);
    // The list is numbered 1, 2, 3 … in order; a gap or a swap means the copy is damaged.
    if (!/^[1-9][0-9]*$/.test(seqText) || seq !== index + 1) {
      throw new Error(`${where}: expected seq ${index + 1}, got ${JSON.stringify(seqText)}`);
    }
    const name = rawName.trim();
    if (name === '') throw new Error(`${where}: the name is empty`);
    const caseType = CASE_TYPE_BY_LABEL.get(caseLabel ?? '');
    if (!caseType) throw new Error(`${where}: unknown case type ${JSON.stringify(caseLabel)}`);
    const handling = HANDLING_BY_LABEL.get(handlingLabel ?? '');
    if (!handling) throw new Error(`${where}: unknown handling ${JSON.stringify(handlingLabel)}`);
    return { seq, name, caseType, handling };
  });
}
