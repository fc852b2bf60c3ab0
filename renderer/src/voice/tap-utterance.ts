import { isPerceivable, visibleText } from './read-announcement';

/** Everything a visitor can touch to act: what tap-to-speak names. */
const CONTROL = [
  'button',
  'a[href]',
  'input',
  'select',
  'textarea',
  '[role="button"]',
  '[role="link"]',
  '[role="radio"]',
  '[role="tab"]',
  '[role="option"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="menuitem"]',
].join(', ');

/** Controls that speak for themselves when pressed (重听, the voice switch) opt out of being named. */
const NO_TAP_SPEECH = '[data-speech-tap="off"]';

type Labelled = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isField(element: Element): element is Labelled {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  );
}

function labelsOf(field: Labelled): string[] {
  const labels = field.labels ? [...field.labels] : [];
  if (labels.length === 0) {
    const wrapping = field.closest('label');
    if (wrapping) labels.push(wrapping);
  }
  return labels.map(visibleText).filter((text) => text !== '');
}

/** The accessible name, as far as a kiosk needs it: aria-label, aria-labelledby, the field's label, the text. */
export function accessibleName(control: Element): string {
  const ariaLabel = control.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => control.ownerDocument.getElementById(id))
      .filter((element): element is HTMLElement => element !== null)
      .map(visibleText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  if (isField(control)) {
    const labels = labelsOf(control);
    if (labels.length > 0) return labels.join(' ');
    return control.getAttribute('placeholder')?.trim() ?? '';
  }
  return visibleText(control) || (control.getAttribute('title')?.trim() ?? '');
}

/** Fields whose content must not be spoken (EN 301 549 5.1.3.8): passwords, PINs, marked fields. */
function isMaskedField(control: Element): control is Labelled {
  return isField(control) && (control.getAttribute('type') === 'password' || control.closest('[data-masked]') !== null);
}

/** The control a touch landed on: the target's own control, or the field of a label touched. */
function controlAt(target: Element): Element | null {
  const control = target.closest(CONTROL);
  if (control) return control;
  const label = target.closest('label');
  return label?.control ?? null;
}

/**
 * What to say when a control is touched in voice mode, or null for touches on nothing
 * actionable. Masked fields say their name and one "asterisk" per character typed, never the
 * characters; a one-character key of a masked keypad (a container marked data-masked) says
 * "asterisk" for its digit, while its 退格/清空 keys keep their names.
 */
export function tapUtterance(target: Element, asterisk: string): string | null {
  const control = controlAt(target);
  if (!control || control.closest(NO_TAP_SPEECH) || !isPerceivable(control)) return null;
  const name = accessibleName(control);
  if (isMaskedField(control)) {
    const stars = Array.from({ length: [...control.value].length }, () => asterisk);
    return [name, ...stars].join(' ').trim() || null;
  }
  if (control.closest('[data-masked]') && [...name].length === 1) return asterisk;
  return name === '' ? null : name;
}
