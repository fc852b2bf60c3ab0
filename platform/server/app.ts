import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { ADMIN_BASE_PATH, API_BASE_PATH } from '../contract/endpoints';
import { registerCallDisplayRoutes } from './call-display/display-routes';
import { registerDisplayStatic } from './call-display/display-static';
import { createFleetConsoleHandlers } from './fleet/console';
import { createStaffConsoleHandlers } from './staff-console';
import { registerConsoleApi } from './console/http/console-api';
import { resolveConsoleOptions } from './console/http/console-options';
import { registerConsoleStatic } from './console-static/serve-console';
import { injectedFailures, injectedLatency } from './faults/fault-middleware';
import { adminAuth, exceptEnrolment, ownScope, rateLimit, terminalAuth } from './http/auth';
import { idempotency } from './http/idempotency';
import { problemResponse } from './http/problem';
import { resolveDeps, type AppEnv, type PlatformApp, type PlatformDeps } from './http/types';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerApplicationRoutes } from './routes/application-routes';
import { registerAppointmentRoutes } from './routes/appointment-routes';
import { registerAssistanceRoutes } from './routes/assistance-routes';
import { registerCalendarRoutes } from './routes/calendar-routes';
import { registerCatalogRoutes } from './routes/catalog-routes';
import { registerFleetRoutes } from './routes/fleet-routes';
import { registerMaterialRoutes } from './routes/material-routes';
import { registerQueueRoutes } from './routes/queue-routes';
import { registerRatingRoutes } from './routes/rating-routes';
import { registerServicePointRoutes } from './routes/service-point-routes';
import { registerTerminalRoutes } from './routes/terminal-routes';
import { registerVideoHelpRoutes } from './video-help/availability';

/**
 * The reference platform as a hono app: testable with `app.request()`, served over real HTTP by
 * start.ts. Middleware order is the protocol:
 *
 *   injected 503 → terminal auth (401) → rate limit (429) → own terminal/station (403)
 *   → Idempotency-Key (400/409/422/replay) → injected latency → route (404/422/2xx)
 *
 * The two enrolment paths skip terminal auth and Idempotency-Key; they are rate limited per address.
 * The county console's API (/console/api) has its own order: console/http/console-api.ts.
 */
export function createPlatformApp(deps: PlatformDeps): PlatformApp {
  const ctx = resolveDeps(deps);
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    ctx.log('error', 'request failed', { method: c.req.method, path: c.req.path, error: String(error) });
    return problemResponse(500, 'internalError', 'the platform failed to process the request');
  });
  app.notFound(() => problemResponse(404, 'notFound', 'no such endpoint'));

  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    // Paths carry ids but never personal data (identity numbers only travel in bodies).
    ctx.log(c.res.status >= 500 ? 'warn' : 'info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      terminalId: (c.get('terminal') as { terminalId: string } | undefined)?.terminalId,
    });
  });

  const api = `${API_BASE_PATH}/*`;
  app.use(api, injectedFailures(ctx));
  app.use(api, terminalAuth(ctx));
  app.use(api, rateLimit(ctx));
  app.use(`${API_BASE_PATH}/terminals/:terminalId/*`, ownScope('terminal'));
  app.use(`${API_BASE_PATH}/stations/:stationId/*`, ownScope('station'));
  // Enrolment is idempotent by itself (the same request gets the same enrolment) and has no
  // terminal to key stored answers on.
  app.use(api, exceptEnrolment(idempotency(ctx)));
  app.use(api, injectedLatency(ctx));
  app.use(`${ADMIN_BASE_PATH}/*`, adminAuth(ctx));

  registerCatalogRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerTerminalRoutes(app, ctx);
  registerFleetRoutes(app, ctx);
  registerMaterialRoutes(app, ctx);
  registerServicePointRoutes(app, ctx);
  registerRatingRoutes(app, ctx);
  registerAssistanceRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerQueueRoutes(app, ctx);
  registerAppointmentRoutes(app, ctx);
  registerVideoHelpRoutes(app, ctx, deps.videoHelp ?? null);
  registerAdminRoutes(app, ctx);
  registerConsoleApi(
    app,
    resolveConsoleOptions(
      { sql: ctx.sql, now: ctx.now, log: ctx.log, jsonMaxBytes: ctx.limits.jsonMaxBytes },
      {
        ...deps.console,
        fleet: deps.console?.fleet ?? createFleetConsoleHandlers(ctx),
        staff: deps.console?.staff ?? createStaffConsoleHandlers(ctx),
      },
    ),
  );
  registerConsoleStatic(app, { dir: deps.consoleDir ?? null });
  // The call display (叫号屏): its read-only API, and its page built beside the console (out/display).
  registerCallDisplayRoutes(app, ctx);
  registerDisplayStatic(app, deps.consoleDir === undefined ? null : join(dirname(deps.consoleDir), 'display'));
  return app;
}
