import { createKioskHarness } from '../kiosk-harness';
import { asyncProperty, type FuzzTarget } from '../target';
import { websocketFrames } from './websocket';

/**
 * Every kiosk API method through the real dispatcher: schema-derived, mutated and raw inputs, in
 * every access state. Each answer must be a structured Result with a declared error code, never
 * `internal` (a handler that threw or answered off-contract), never withheld past the time limit,
 * and the access guard must hold whatever the session looks like. The same kiosk behind the
 * browser host's API socket gets call frames, garbage and binary frames (websocket.ts).
 */
export const kioskApiTarget: FuzzTarget = {
  name: 'kiosk-api',
  async setup() {
    const harness = await createKioskHarness();
    const socket = websocketFrames(harness);
    return {
      properties: [
        asyncProperty('dispatch', harness.calls, async (call) => void (await harness.call(call)), {
          weight: 2,
          timeoutMs: 15_000,
        }),
        socket.property,
      ],
      async teardown() {
        socket.close();
        await harness.close();
      },
    };
  },
};
