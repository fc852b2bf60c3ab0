#!/bin/sh
# Test-only (tests/e2e/escape.spec.ts): the kiosk's Chromium, started by `npm start` as usual
# (KIOSK_CHROMIUM names this script), plus a DevTools port so the test can watch Chromium's pages
# from outside the launcher. The launcher keeps its own pipe; the managed policy still applies.
exec "${KIOSK_TEST_REAL_CHROMIUM:-/usr/bin/chromium}" --remote-debugging-port="${KIOSK_TEST_CDP_PORT:?}" "$@"
