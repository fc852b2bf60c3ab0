import './display.css';
import { CALL_DISPLAY_PAGE_PATH } from '../../contract/call-display';
import { createAnnouncer } from './announcer';
import { applyBoard, applyCall, emptyBoard } from './board-state';
import { createBoardView } from './board-view';
import { connectFeed } from './connection';

/** The call display for the station named in the URL: /display/<stationId>. */
const stationId = decodeURIComponent(location.pathname.slice(CALL_DISPLAY_PAGE_PATH.length + 1).split('/')[0] ?? '');
const state = emptyBoard();
const view = createBoardView();
const soundButton = document.getElementById('enable-sound') as HTMLButtonElement;
const announcer = createAnnouncer(stationId, soundButton);

view.render(state);
connectFeed(stationId, {
  cursor: () => state.cursor,
  onBoard(board) {
    applyBoard(state, board);
    view.render(state);
  },
  onCall(entry) {
    if (!applyCall(state, entry)) return;
    view.render(state);
    announcer.announce(entry);
  },
  onLink: (live) => view.showLink(live),
});
