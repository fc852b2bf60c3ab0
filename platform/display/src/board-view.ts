import type { CallEntry } from '../../contract/call-display';
import type { BoardState } from './board-state';

/**
 * Draws the board into the page's fixed lists. Rows are reused (one per window, five recent), so
 * the DOM has the same nodes after a thousand calls as after ten.
 */

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the display page has no #${id}`);
  return element as T;
}

function row(
  list: HTMLOListElement,
  index: number,
): { li: HTMLLIElement; ticket: HTMLSpanElement; window: HTMLSpanElement; mark: HTMLSpanElement } {
  let li = list.children[index] as HTMLLIElement | undefined;
  if (!li) {
    li = document.createElement('li');
    const ticket = li.appendChild(document.createElement('span'));
    ticket.className = 'ticket';
    const mark = ticket.appendChild(document.createElement('span'));
    mark.className = 'recall-mark';
    const window = li.appendChild(document.createElement('span'));
    window.className = 'window';
    list.appendChild(li);
  }
  const ticket = li.children[0] as HTMLSpanElement;
  return { li, ticket, window: li.children[1] as HTMLSpanElement, mark: ticket.children[0] as HTMLSpanElement };
}

function fill(list: HTMLOListElement, entries: readonly CallEntry[], newest: number | null): void {
  entries.forEach((entry, index) => {
    const { li, ticket, window, mark } = row(list, index);
    if (ticket.firstChild?.nodeType === Node.TEXT_NODE) ticket.firstChild.textContent = entry.ticketNo;
    else ticket.insertBefore(document.createTextNode(entry.ticketNo), mark);
    mark.textContent = entry.kind === 'recalled' ? '再次呼叫' : '';
    window.textContent = entry.windowLabel;
    li.dataset['eventId'] = String(entry.eventId);
    li.classList.toggle('newest', entry.eventId === newest);
  });
  while (list.children.length > entries.length) list.lastElementChild?.remove();
}

export function createBoardView() {
  const name = byId<HTMLHeadingElement>('station-name');
  const current = byId<HTMLOListElement>('current-list');
  const empty = byId<HTMLParagraphElement>('current-empty');
  const recent = byId<HTMLOListElement>('recent-list');
  const linkState = byId<HTMLParagraphElement>('link-state');
  return {
    render(state: BoardState): void {
      name.textContent = state.stationName ?? '便民服务站';
      const windows = [...state.current.values()].sort((a, b) => a.windowNo - b.windowNo);
      fill(current, windows, state.newestEventId);
      empty.hidden = windows.length > 0;
      fill(recent, state.recent, state.newestEventId);
    },
    showLink(live: boolean): void {
      linkState.hidden = live;
      document.body.dataset['link'] = live ? 'live' : 'reconnecting';
    },
  };
}
