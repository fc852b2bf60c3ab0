import type { Page } from '@playwright/test';
import type { Finding } from './a11y';

/**
 * Layout checks the accessibility gate runs at every stop, in every profile and orientation,
 * on the layout as drawn (real fonts, real line boxes):
 *
 * - the step's primary action is on screen as the step opens: every scroll area back at its
 *   start, the button must lie wholly inside the window and inside every box that clips it, and
 *   be what a finger at its centre would touch (not covered by a bar or a keyboard);
 * - no button label, tile title or keyboard suggestion breaks inside a word. Breaks are read from
 *   the rendered line boxes (one Range per character); words are Intl.Segmenter's ('zh', word).
 *   A label of at most SHORT_LABEL_HAN Chinese characters must sit on one line (the segmenter
 *   splits 低保 or 取号 into single characters, so for short labels "between words" means "not at all").
 * - one 返回 per screen: the bottom bar's. A second button saying 返回 (返回列表 …) on the same
 *   screen, meaning something else, is a finding.
 */
export const SHORT_LABEL_HAN = 6;

const DEV_PANEL = '.dev-panel, .dev-panel-toggle';

export async function primaryFindings(page: Page, selector: string): Promise<Finding[]> {
  return page.evaluate(
    ({ selector, devPanel }) => {
      const shown = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const candidates = [...document.querySelectorAll(selector)].filter(
        (el) => el.closest(devPanel) === null && el.closest('[inert]') === null && shown(el),
      );
      const button = candidates[0];
      if (!button) return [{ rule: 'primary-visible', detail: `no ${selector} is drawn on this screen` }];
      // As the step opens: every scroll area at its start. A touch keyboard opens under its field
      // and brings itself into view (TextEntry: the entry, then its label, 'nearest'); so for a
      // key of a keyboard the screen is put as that leaves it.
      for (const el of document.querySelectorAll('*')) {
        if (el.scrollTop !== 0) el.scrollTop = 0;
        if (el.scrollLeft !== 0) el.scrollLeft = 0;
      }
      window.scrollTo(0, 0);
      const entry = button.closest('[data-input-pad]')?.closest('.text-entry');
      if (entry) {
        entry.scrollIntoView({ block: 'nearest' });
        entry.querySelector('label')?.scrollIntoView({ block: 'nearest' });
      }
      const box = button.getBoundingClientRect();
      const label = `${selector} "${(button.textContent ?? '').trim().slice(0, 20)}"`;
      const where = `at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
      const findings: Array<{ rule: string; detail: string }> = [];
      const tolerance = 0.5;
      if (
        box.top < -tolerance ||
        box.left < -tolerance ||
        box.bottom > window.innerHeight + tolerance ||
        box.right > window.innerWidth + tolerance
      )
        findings.push({
          rule: 'primary-visible',
          detail: `${label} is ${where}, outside the ${window.innerWidth}×${window.innerHeight} window`,
        });
      for (let parent = button.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        const top = clip.top + parent.clientTop;
        const bottom = top + parent.clientHeight;
        if (box.top < top - tolerance || box.bottom > bottom + tolerance) {
          findings.push({
            rule: 'primary-visible',
            detail: `${label} ${where} is cut off by ${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')} (${Math.round(top)}–${Math.round(bottom)}): it needs scrolling`,
          });
          break;
        }
      }
      if (findings.length === 0) {
        const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
        if (!hit || !(hit === button || button.contains(hit)))
          findings.push({
            rule: 'primary-visible',
            detail: `${label} ${where} is covered by ${hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing drawn'}`,
          });
      }
      return findings;
    },
    { selector, devPanel: DEV_PANEL },
  );
}

/** Buttons and what acts as one, tile titles, and the keyboard's suggestions. */
const LABELLED = 'button, [role=button], [role=option], [role=radio], [role=tab], .tile-label, [data-candidate]';

export async function wordBreakFindings(page: Page): Promise<Finding[]> {
  return page.evaluate(
    ({ labelled, devPanel, shortHan }) => {
      const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
      const findings: Array<{ rule: string; detail: string }> = [];
      const reported = new Set<Element>();
      const inline = (el: Element) => {
        const display = getComputedStyle(el).display;
        return display === 'inline' || display === 'contents';
      };
      for (const el of document.querySelectorAll(labelled)) {
        if (el.closest(devPanel) || el.closest('[inert]') || el.closest('svg')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        // The text of each line container (the label, or a block inside it) read as one run.
        const runs = new Map<Element, Text[]>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (!node.data.trim() || !node.parentElement) continue;
          let container: Element = node.parentElement;
          while (container !== el && inline(container) && container.parentElement) container = container.parentElement;
          const run = runs.get(container) ?? [];
          run.push(node);
          runs.set(container, run);
        }
        for (const [container, nodes] of runs) {
          if (reported.has(container)) continue;
          let text = '';
          const tops: Array<{ top: number; height: number } | null> = [];
          for (const node of nodes) {
            for (let i = 0; i < node.data.length; i += 1) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = [...range.getClientRects()].find((r) => r.width > 0 || r.height > 0);
              text += node.data[i];
              tops.push(/\s/.test(node.data[i] ?? '') || !rect ? null : { top: rect.top, height: rect.height });
            }
          }
          // Where a new line starts: a character whose box is below the previous character's.
          const breaks: number[] = [];
          let previous: { top: number; height: number } | null = null;
          tops.forEach((place, index) => {
            if (!place) return;
            if (previous && place.top > previous.top + previous.height / 2) breaks.push(index);
            previous = place;
          });
          if (breaks.length === 0) continue;
          const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
          const lines = () => {
            const parts: string[] = [];
            let from = 0;
            for (const at of breaks) {
              parts.push(text.slice(from, at).trim());
              from = at;
            }
            parts.push(text.slice(from).trim());
            return parts.join(' / ');
          };
          const where = `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
          if (han > 0 && han <= shortHan) {
            findings.push({
              rule: 'word-break',
              detail: `${where}: a short label on ${breaks.length + 1} lines: ${lines()}`,
            });
            reported.add(container);
            continue;
          }
          const boundaries = new Set<number>();
          for (const { index } of segmenter.segment(text)) boundaries.add(index);
          const inside = breaks.filter((at) => {
            // A break before the spaces that precede a word is a break between words too.
            let start = at;
            while (start > 0 && /\s/.test(text[start - 1] ?? '')) start -= 1;
            return !boundaries.has(at) && !boundaries.has(start);
          });
          if (inside.length > 0) {
            findings.push({ rule: 'word-break', detail: `${where}: breaks inside a word: ${lines()}` });
            reported.add(container);
          }
        }
      }
      return findings;
    },
    { labelled: LABELLED, devPanel: DEV_PANEL, shortHan: SHORT_LABEL_HAN },
  );
}

export async function backButtonFindings(page: Page): Promise<Finding[]> {
  return page.evaluate((devPanel) => {
    const backs = [...document.querySelectorAll('button, [role=button], a[href]')].filter((el) => {
      if (el.closest(devPanel) || el.closest('[inert]') || el.closest('[aria-hidden=true]')) return false;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
      return (el.textContent ?? '').replace(/\s+/g, '').startsWith('返回');
    });
    if (backs.length <= 1) return [];
    const names = backs.map(
      (el) => `${el.getAttribute('data-testid') ?? el.tagName.toLowerCase()} "${(el.textContent ?? '').trim()}"`,
    );
    return [{ rule: 'one-back', detail: `${backs.length} buttons say 返回: ${names.join(', ')}` }];
  }, DEV_PANEL);
}
