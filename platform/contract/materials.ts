import { z } from 'zod';
import { IsoDateTime, Sha256Hex } from './common';

/**
 * Materials (申请材料) are uploaded before the application that uses them, content-addressed by
 * sha256: `PUT /materials/{sha256}` with the raw bytes. Uploading the same bytes twice stores
 * them once, so a kiosk may retry an upload freely.
 */

export const MATERIAL_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const MaterialContentType = z.enum(MATERIAL_CONTENT_TYPES);
export type MaterialContentType = z.infer<typeof MaterialContentType>;

/** Default upload cap; a platform may publish a lower one. A 300 dpi A4 JPEG is about 1–3 MiB. */
export const MATERIAL_MAX_BYTES = 8 * 1024 * 1024;

export const MaterialPathParams = z.object({ sha256: Sha256Hex });

export const MaterialReceipt = z
  .object({
    sha256: Sha256Hex,
    size: z.number().int().positive(),
    contentType: MaterialContentType,
    storedAt: IsoDateTime.describe('when the platform first stored these bytes'),
  })
  .meta({ id: 'MaterialReceipt', description: 'The platform holds these bytes; refer to them by sha256.' });
export type MaterialReceipt = z.infer<typeof MaterialReceipt>;

/** One captured page of a material, referring to uploaded bytes. */
export const MaterialPage = z
  .object({
    sha256: Sha256Hex,
    contentType: MaterialContentType,
    size: z.number().int().positive(),
  })
  .meta({ id: 'MaterialPage', description: 'One uploaded page (or PDF) of a material.' });
export type MaterialPage = z.infer<typeof MaterialPage>;
