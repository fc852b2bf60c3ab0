import { z } from 'zod';
import { Catalog, CaseType, Department, Handling, Matter, ServiceKind, Theme } from '../../platform/contract/catalog';
import { Station } from '../../kiosk-config/station';
import { defineEvent, defineMethod } from './define';

/**
 * The kiosk API: every method the renderer may call and every event the host may push.
 * Both hosts (Electron IPC and the browser host's WebSocket) dispatch into this one contract;
 * the renderer's client is typed from it. Add a method here, implement it in core/app, done.
 */

const Empty = z.object({}).strict();

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const KioskInfo = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'browser']),
  devMode: z.boolean(),
  terminal: z.object({ id: z.string(), name: z.string() }),
  station: Station,
  ui: z.object({
    defaultLocale: Locale,
    orientation: z.enum(['auto', 'portrait', 'landscape']),
    attractAfterIdleSeconds: z.number().int().positive(),
  }),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const CatalogStatus = z.object({
  version: z.string().nullable().describe('null until a catalog has been stored'),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  storedAt: z.iso.datetime({ offset: true }).nullable().describe('when this kiosk stored the current version'),
  confirmedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe('last time the platform confirmed this version is current; the catalog age counts from here'),
  matterCount: z.number().int().min(0),
  platform: z.enum(['unknown', 'reachable', 'unreachable']),
  lastError: z.string().nullable().describe('why the last sync failed, for staff; null after a success'),
  stale: z.boolean().describe('older than the configured limit: guides may be out of date'),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

export const MatterSummary = Matter.omit({ guide: true }).extend({ hasGuide: z.boolean() });
export type MatterSummary = z.infer<typeof MatterSummary>;

export const MatterDetail = Matter.extend({
  catalogVersion: z.string(),
  department: Department.nullable(),
  themes: z.array(Theme),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

const counted = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, count: z.number().int().min(0) });

export const CatalogOverview = z.object({
  version: z.string(),
  region: Catalog.shape.region,
  matterCount: z.number().int().min(0),
  serviceKinds: z.array(counted({ kind: ServiceKind })),
  themes: z.array(Theme.extend({ count: z.number().int().min(0) })),
  handlings: z.array(counted({ handling: Handling })),
  departments: z.array(Department.extend({ count: z.number().int().min(0) })),
});
export type CatalogOverview = z.infer<typeof CatalogOverview>;

export const CatalogQuery = z
  .object({
    serviceKind: ServiceKind.optional(),
    themeId: z.string().max(64).optional(),
    handling: Handling.optional(),
    departmentCode: z.string().max(32).optional(),
    caseType: CaseType.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type CatalogQuery = z.input<typeof CatalogQuery>;

export const methods = {
  'kiosk.info': defineMethod({
    input: Empty,
    output: KioskInfo,
    description: 'Who and where this kiosk is, which host runs it and the UI settings from its config.',
  }),
  'catalog.status': defineMethod({
    input: Empty,
    output: CatalogStatus,
    description: 'The stored catalog version, its age and whether the platform is reachable.',
  }),
  'catalog.overview': defineMethod({
    input: Empty,
    output: CatalogOverview,
    errors: ['catalogEmpty'],
    description: 'Counts by service kind, theme, handling mode and department, for the home screen.',
  }),
  'catalog.list': defineMethod({
    input: CatalogQuery,
    output: z.object({ total: z.number().int().min(0), matters: z.array(MatterSummary) }),
    errors: ['catalogEmpty'],
    description: 'Matters matching every given filter, in published order.',
  }),
  'catalog.matter': defineMethod({
    input: z.object({ code: z.string().min(1).max(64) }).strict(),
    output: MatterDetail,
    errors: ['notFound', 'catalogEmpty'],
    description: 'One matter with its guide, department and themes.',
  }),
  'catalog.syncNow': defineMethod({
    input: Empty,
    output: CatalogStatus,
    description: 'Ask the platform for a newer catalog now; answers with the status after trying.',
  }),
} as const;

export const events = {
  'catalog.statusChanged': defineEvent({
    payload: CatalogStatus,
    description: 'The catalog version, its age or the platform reachability changed.',
  }),
} as const;

export const contract = { methods, events } as const;
export type KioskContract = typeof contract;
