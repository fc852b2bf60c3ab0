import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Node code and renderer code run in different environments, as they do in the kiosk.
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            '{core,drivers,electron,platform,kiosk-config,scripts,tools,tests/integration,tests/fuzz}/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
