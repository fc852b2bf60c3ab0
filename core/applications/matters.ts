import type Database from 'better-sqlite3';
import type { MatterDetail } from '../api/contract';
import type { MaterialRequirement } from '../api/applications';
import { err, ok, type Result } from '../pure/result';
import { getMatter, readCatalogMeta } from '../catalog/catalog-store';
import type { CatalogSync } from '../catalog/sync';
import type { FormField } from '../../platform/contract/forms';
import { formOfMatter, mergeForms } from './matter-form';

export type MatterProblem =
  | { code: 'catalogEmpty'; message: string }
  | { code: 'notFound'; message: string }
  | { code: 'notSelfService'; message: string }
  | { code: 'catalogStale'; message: string };

export interface ApplicableMatters {
  readonly matters: readonly MatterDetail[];
  readonly catalogVersion: string;
  /** Each matter's own form, in matter order. */
  readonly forms: ReadonlyArray<readonly FormField[]>;
  /** The bundle's form: each question once. */
  readonly form: readonly FormField[];
  readonly materials: readonly MaterialRequirement[];
}

/**
 * The matters a resident may submit here now, read from the stored catalog: each must exist and
 * offer the self-service channel, and the catalog must not be stale (requirements change; a
 * stale catalog may ask for the wrong papers — docs/design-anchors.md §6.5).
 */
export function applicableMatters(
  db: Database.Database,
  catalogSync: CatalogSync,
  codes: readonly string[],
): Result<ApplicableMatters, MatterProblem> {
  const meta = readCatalogMeta(db);
  if (!meta) return err({ code: 'catalogEmpty', message: 'no catalog is stored yet' });
  const unique = [...new Set(codes)];
  const matters: MatterDetail[] = [];
  for (const code of unique) {
    const matter = getMatter(db, code);
    if (!matter) return err({ code: 'notFound', message: `no matter ${code} in catalog ${meta.version}` });
    if (!matter.channels.includes('selfService')) {
      return err({ code: 'notSelfService', message: `matter ${code} cannot be submitted at the kiosk` });
    }
    matters.push(matter);
  }
  if (catalogSync.status().stale) {
    return err({ code: 'catalogStale', message: 'the stored catalog is older than the configured limit' });
  }
  const forms = matters.map(formOfMatter);
  return ok({ matters, catalogVersion: meta.version, forms, form: mergeForms(forms), materials: materialsOf(matters) });
}

/** The union of the guides' materials: a material two matters need is captured once. */
export function materialsOf(matters: readonly MatterDetail[]): MaterialRequirement[] {
  const byName = new Map<string, MaterialRequirement>();
  for (const matter of matters) {
    for (const material of matter.guide?.materials ?? []) {
      const known = byName.get(material.name);
      if (known) {
        byName.set(material.name, {
          ...known,
          required: known.required || material.required,
          note: known.note ?? material.note ?? null,
          matterCodes: known.matterCodes.includes(matter.code)
            ? known.matterCodes
            : [...known.matterCodes, matter.code],
        });
      } else {
        byName.set(material.name, {
          name: material.name,
          required: material.required,
          note: material.note?.slice(0, 200) ?? null,
          matterCodes: [matter.code],
        });
      }
    }
  }
  return [...byName.values()];
}
