import { useEffect } from 'react';
import { useShellSend } from '../shell/shell-context';

/**
 * 长辈版 in unit tests: a probe that turns the profile on, and what the accessibility gate
 * (tests/e2e/support/a11y.ts) counts on a screen, read from the DOM. happy-dom has no layout, so
 * sizes and line heights are left to the gate.
 */

/** Turns 长辈版 on when mounted (from the attract screen the shell starts a visit for it). */
export function ElderProfile() {
  const send = useShellSend();
  useEffect(() => send({ type: 'SET_PROFILE', profile: 'elder' }), [send]);
  return null;
}

const CONTROLS = 'button, a[href], select, [role=button], [role=radio], [role=checkbox], [role=option], [role=tab]';

/**
 * The enabled controls under `root` a resident can choose from, by their text; a keypad or
 * keyboard (data-input-pad) is one choice.
 */
export function choiceNamesIn(root: ParentNode): string[] {
  const pads = new Set<Element>();
  const choices: string[] = [];
  for (const control of root.querySelectorAll<HTMLElement>(CONTROLS)) {
    if ((control as HTMLButtonElement).disabled) continue;
    const pad = control.closest('[data-input-pad]');
    if (pad) pads.add(pad);
    else choices.push((control.textContent ?? '').trim());
  }
  return [...choices, ...[...pads].map(() => '[data-input-pad]')];
}

/** How many choices the gate would count under `root`. */
export function choicesIn(root: ParentNode): number {
  return choiceNamesIn(root).length;
}

/** The texts voice mode would read under `root`, by role, white space collapsed. */
export function speechMarks(root: ParentNode): { titles: string[]; hints: string[] } {
  const texts = (role: string) =>
    [...root.querySelectorAll(`[data-speech="${role}"]`)].map((el) =>
      (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  return { titles: texts('title'), hints: texts('hint') };
}
