import { z } from 'zod';
import { CatalogVersion } from './catalog';
import { ClockTime, IsoDateTime, MatterCode, PhoneNumber, ServicePointId } from './common';

/**
 * Service points for the kiosk's offline map (政务服务地图): halls, town convenience centres,
 * village stations and 24-hour self-service zones, with hours, phone, services and whether
 * appointments can be booked there.
 */

export const ServicePointKind = z
  .enum(['governmentServiceCentre', 'townServiceCentre', 'villageStation', 'selfService24h'])
  .meta({
    id: 'ServicePointKind',
    description: '政务服务中心 (county/city hall), 镇(街道)便民服务中心, 村(社区)便民服务站, 24小时自助服务区.',
  });
export type ServicePointKind = z.infer<typeof ServicePointKind>;

export const OpeningHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).describe('ISO weekdays: 1 Monday … 7 Sunday'),
    opens: ClockTime,
    closes: ClockTime,
  })
  .refine((hours) => hours.opens < hours.closes, { path: ['closes'], message: 'closes must be after opens' })
  .meta({ id: 'OpeningHours', description: 'One opening period on the listed weekdays (China Standard Time).' });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const GeoPoint = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    system: z
      .enum(['wgs84', 'gcj02'])
      .describe('coordinate system: GPS (WGS-84) or the GCJ-02 system Chinese map tiles use'),
  })
  .meta({ id: 'GeoPoint', description: 'A position on the map.' });
export type GeoPoint = z.infer<typeof GeoPoint>;

export const ServicePoint = z
  .object({
    id: ServicePointId,
    kind: ServicePointKind,
    name: z.string().min(1).max(64),
    address: z.string().min(1).max(200),
    regionCode: z.string().regex(/^[0-9]{6,12}$/, '行政区划代码'),
    location: GeoPoint,
    open24h: z.boolean().describe('24小时不打烊; openingHours then lists staffed hours, if any'),
    openingHours: z.array(OpeningHours).describe('staffed hours; empty for unstaffed self-service zones'),
    hoursNote: z.string().max(200).optional().describe('e.g. 法定节假日除外, 延时服务至19:00'),
    phone: PhoneNumber.nullable(),
    services: z.array(z.string().min(1).max(32)).describe('what residents can do there, as short labels'),
    matterCodes: z.array(MatterCode).describe('catalog matters handled there; empty when not listed'),
    bookable: z.boolean().describe('appointments can be booked for this point'),
    selfServiceTerminal: z.boolean().describe('a self-service kiosk is installed'),
    accessible: z.boolean().describe('barrier-free access (无障碍)'),
  })
  .meta({ id: 'ServicePoint', description: 'A place residents can go to for government services.' });
export type ServicePoint = z.infer<typeof ServicePoint>;

export const ServicePointList = z
  .object({
    version: CatalogVersion.shape.version,
    publishedAt: IsoDateTime,
    regionCode: z.string().regex(/^[0-9]{6,12}$/),
    isSample: z
      .boolean()
      .describe('true when the list is sample data written for this project, not the official service map'),
    servicePoints: z.array(ServicePoint),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.servicePoints.forEach((point, index) => {
      if (seen.has(point.id)) {
        ctx.addIssue({ code: 'custom', path: ['servicePoints', index, 'id'], message: `duplicate id ${point.id}` });
      }
      seen.add(point.id);
    });
  })
  .meta({ id: 'ServicePointList', description: 'All service points of a region, versioned for offline use.' });
export type ServicePointList = z.infer<typeof ServicePointList>;

export const ServicePointIdParams = z.object({ servicePointId: ServicePointId });
