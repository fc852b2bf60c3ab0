import { z } from 'zod';

/**
 * The languages the kiosk speaks and shows. Adding one (a minority language such as ug or bo)
 * means: add it here, add its locale folder in the renderer (renderer/src/i18n/locales.ts lists
 * script direction and font), and give core/speech an engine voice for it or mark it silent.
 */
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
