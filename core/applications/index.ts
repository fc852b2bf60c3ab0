/** Self-service applications (自助申报): handlers for the kiosk API and the lookup for progress. */
export { buildApplicationHandlers, DELIVERY_WAIT_MS } from './handlers';
export { applicationByRef, shortLocalRef, type ApplicationRef, type ApplicationStatus } from './application-store';
export { SAVED_OFFLINE_LINE } from './receipt';
