/**
 * What a screen says is the screen's own text: screens mark it with
 * - `data-speech="title"`: the heading,
 * - `data-speech="hint"`: what to do now (device hints such as "place the ID card" included),
 * - `data-speech="alert"`: something that needs attention now (the idle warning); alerts are
 *   spoken instead of the screen while they show.
 */
export type SpeechRole = 'title' | 'hint' | 'alert';

export type Announcement =
  | { readonly kind: 'screen'; readonly texts: readonly string[] }
  | { readonly kind: 'alert'; readonly texts: readonly string[] };

/** Parts of the page nobody can see or reach: a guide's covered list is inert, closed panels hidden. */
const UNREACHABLE = '[inert], [hidden], [aria-hidden="true"]';

/** Elements that sit inside a line of text (no word break around them). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'code',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** Whether an element is shown and reachable: none of its ancestors is inert, hidden or display:none. */
export function isPerceivable(element: Element): boolean {
  if (element.closest(UNREACHABLE)) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (view?.getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

/**
 * The text a sighted visitor reads in an element: its text nodes, skipping parts hidden from
 * assistive technology (decorative icons, visually hidden duplicates marked aria-hidden), with
 * runs of white space collapsed.
 */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element && node.matches(UNREACHABLE)) return;
    for (const child of node.childNodes) walk(child);
    // Block boundaries separate words; inline ones (身份<b>证</b>) must not split a word.
    if (node instanceof Element && !INLINE.has(node.localName)) parts.push(' ');
  };
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Reads what the screen under `root` says, in document order with titles first. While an alert
 * shows, the alert alone: it is what the visitor must hear now.
 */
export function readAnnouncement(root: ParentNode): Announcement {
  const marked = [...root.querySelectorAll('[data-speech]')].filter(isPerceivable);
  const textsOf = (role: SpeechRole) =>
    marked
      .filter((element) => element.getAttribute('data-speech') === role)
      .map(visibleText)
      .filter((text) => text !== '');
  const alerts = textsOf('alert');
  if (alerts.length > 0) return { kind: 'alert', texts: alerts };
  return { kind: 'screen', texts: [...textsOf('title'), ...textsOf('hint')] };
}

/** Two announcements say the same thing (so nothing needs to be spoken again). */
export function sameAnnouncement(a: Announcement, b: Announcement): boolean {
  return a.kind === b.kind && a.texts.length === b.texts.length && a.texts.every((text, i) => text === b.texts[i]);
}
