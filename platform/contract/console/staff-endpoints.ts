import { DISPLAY_ENDPOINTS } from './display-endpoints';
import { HELP_ENDPOINTS } from './help-endpoints';
import { QUEUE_ENDPOINTS } from './queue-endpoints';
import { STATISTICS_ENDPOINTS } from './statistics-endpoints';
import { VIDEO_ENDPOINTS } from './video-endpoints';
import { WORK_ORDER_ENDPOINTS } from './work-order-endpoints';

/** Station staff's part of the console table, area by area (each file owns its endpoints). */
export const STAFF_ENDPOINTS = [
  ...QUEUE_ENDPOINTS,
  ...DISPLAY_ENDPOINTS,
  ...HELP_ENDPOINTS,
  ...WORK_ORDER_ENDPOINTS,
  ...STATISTICS_ENDPOINTS,
  ...VIDEO_ENDPOINTS,
] as const;
