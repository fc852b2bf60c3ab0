import type { ApplyContext, MaterialState } from './apply-context';

/** The material at `index` is given: captured, a licence, or (when optional) skipped. Past the end counts as done. */
export function materialDone(context: ApplyContext, index: number): boolean {
  const material = context.draft?.materials[index];
  if (!material) return true;
  const state = context.materials[material.name];
  return state?.kind === 'captured' || state?.kind === 'licence' || (!material.required && state?.kind === 'skipped');
}

/** Where core's materialMissing sends the resident back to: the first required material not given. */
export function firstMissingRequired(context: ApplyContext): number {
  const materials = context.draft?.materials ?? [];
  const index = materials.findIndex((material, i) => material.required && !materialDone(context, i));
  return Math.max(0, index);
}

/** The capture id of the material shown, when it was captured (so a replaced capture can be discarded). */
export function currentCaptureId(context: ApplyContext): string | null {
  const material = context.draft?.materials[context.materialIndex];
  const state = material ? context.materials[material.name] : undefined;
  return state?.kind === 'captured' ? state.captureId : null;
}

/** The material shown is now given as `state`; the notice about a missing one goes. */
export function currentMaterialGiven(context: ApplyContext, state: MaterialState): Partial<ApplyContext> {
  const material = context.draft?.materials[context.materialIndex];
  if (!material) return {};
  return { materials: { ...context.materials, [material.name]: state }, notice: 'none' };
}

/** The material shown is skipped (only an optional one is). */
export function currentSkipped(context: ApplyContext): Partial<ApplyContext> {
  const material = context.draft?.materials[context.materialIndex];
  return material ? { materials: { ...context.materials, [material.name]: { kind: 'skipped' as const } } } : {};
}

/** The licence given for the material shown is taken back; a capture or skip stays. */
export function currentLicenceRemoved(context: ApplyContext): Partial<ApplyContext> {
  const material = context.draft?.materials[context.materialIndex];
  if (!material || context.materials[material.name]?.kind !== 'licence') return {};
  const { [material.name]: _removed, ...rest } = context.materials;
  return { materials: rest };
}
