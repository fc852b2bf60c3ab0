import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The accessibility checks the gate runs on every screen (docs/accessibility.md §5). axe-core does
 * WCAG 2.2 AA, with its messages in Chinese; the DOM checks below do what axe does not: 长辈版's
 * own minimum target size, how many choices a screen offers, line spacing, text size and
 * pop-ups. The developer panel (KIOSK_DEV, needed for the emulators) is not part of the UI.
 */
const require = createRequire(import.meta.url);
const DEV_PANEL = '.dev-panel, .dev-panel-toggle';
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function axeSource(targetMinPx: number | null): string {
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const zh = readFileSync(require.resolve('axe-core/locales/zh_CN.json'), 'utf8');
  // target-size is off unless a wcag22aa tag asks for it; 长辈版 raises its 24 px to ours.
  const elder =
    targetMinPx === null
      ? ''
      : `;axe.configure({checks:[{id:'target-size',options:{minSize:${targetMinPx}}},{id:'target-offset',options:{minOffset:${targetMinPx}}}]});`;
  return `${axe};axe.configure({locale:${zh}});${elder}`;
}

export interface Finding {
  readonly rule: string;
  readonly detail: string;
}

/**
 * The WCAG 2.2 AA rules whose outcome depends on colours alone: what a change of colour theme can
 * break when the document itself stays the same.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

export async function axeFindings(
  page: Page,
  targetMinPx: number | null,
  only: readonly string[] | null = null,
): Promise<Finding[]> {
  const builder = new AxeBuilder({ page, axeSource: axeSource(targetMinPx) }).exclude(DEV_PANEL);
  const result = await (only === null ? builder.withTags(WCAG22_AA) : builder.withRules([...only])).analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: `axe:${violation.id}`,
      detail: `${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`,
    })),
  );
}

/** Everything a finger can operate, visible and enabled, outside the developer panel. */
const CONTROLS =
  'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=radio], [role=tab], [role=option], [role=checkbox], [role=link]';

/**
 * 长辈版's DOM checks. `choices` counts what a screen offers to choose from in its main area:
 * every enabled control, except that a keypad or keyboard (marked data-input-pad) is one input,
 * however many keys it has, and a text field is an answer to give, not a choice.
 */
export async function elderFindings(
  page: Page,
  limits: { targetMinPx: number; maxChoices: number; minLineHeight: number; minTextPx: number },
): Promise<Finding[]> {
  return page.evaluate(
    ({ limits, controls, devPanel }) => {
      const findings: Array<{ rule: string; detail: string }> = [];
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && el.closest('[inert]') === null;
      };
      const describe = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
      const all = [...document.querySelectorAll(controls)].filter(
        (el) => visible(el) && el.closest(devPanel) === null && !(el as HTMLButtonElement).disabled,
      );
      for (const el of all) {
        const box = el.getBoundingClientRect();
        if (box.width + 0.5 < limits.targetMinPx || box.height + 0.5 < limits.targetMinPx)
          findings.push({
            rule: 'target-size',
            detail: `${describe(el)} is ${Math.round(box.width)}×${Math.round(box.height)} px`,
          });
      }
      const main = document.querySelector('main');
      const inMain = all.filter(
        (el) => main?.contains(el) && !el.matches('input[type=text], input:not([type]), textarea'),
      );
      const pads = new Set<Element>();
      let choices = 0;
      for (const el of inMain) {
        const pad = el.closest('[data-input-pad]');
        if (pad) pads.add(pad);
        else choices += 1;
      }
      choices += pads.size;
      if (choices > limits.maxChoices)
        findings.push({
          rule: 'choices',
          detail: `${choices} choices: ${inMain
            .filter((el) => !el.closest('[data-input-pad]'))
            .map(describe)
            .join(', ')}`,
        });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || seen.has(el) || !(node.textContent ?? '').trim() || el.closest(devPanel) || !visible(el)) continue;
        if (el.closest('svg')) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const line = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight);
        if (line / size < limits.minLineHeight - 0.001)
          findings.push({ rule: 'line-height', detail: `${describe(el)} has ${style.lineHeight} on ${size}px` });
        if (size + 0.01 < limits.minTextPx)
          findings.push({ rule: 'text-size', detail: `${describe(el)} is ${size}px` });
      }
      for (const el of document.querySelectorAll(
        '[role=dialog], [role=alertdialog], [aria-modal=true], dialog[open]',
      )) {
        if (visible(el)) findings.push({ rule: 'pop-up', detail: describe(el) });
      }
      return findings;
    },
    { limits, controls: CONTROLS, devPanel: DEV_PANEL },
  );
}
