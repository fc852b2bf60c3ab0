/**
 * What the accessibility gate checks on a 长辈版 step, read from the DOM of a unit test (no layout
 * in happy-dom, so sizes are left to the gate): how many choices the step offers and what voice
 * mode would read as its title and hint.
 */
const CONTROLS = 'button, a[href], select, [role=button], [role=radio], [role=checkbox], [role=option]';

/** Enabled controls under `root`, a keypad or keyboard (data-input-pad) counting once. */
export function choicesIn(root: ParentNode): number {
  const pads = new Set<Element>();
  let choices = 0;
  for (const control of root.querySelectorAll<HTMLElement>(CONTROLS)) {
    if ((control as HTMLButtonElement).disabled) continue;
    const pad = control.closest('[data-input-pad]');
    if (pad) pads.add(pad);
    else choices += 1;
  }
  return choices + pads.size;
}

/** The texts marked for voice mode under `root`, by role, white space collapsed. */
export function speechMarks(root: ParentNode): { titles: string[]; hints: string[] } {
  const texts = (role: string) =>
    [...root.querySelectorAll(`[data-speech="${role}"]`)].map((el) =>
      (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  return { titles: texts('title'), hints: texts('hint') };
}
