export {
  buildTechnicianHandlers,
  createTechnicianService,
  type TechnicianDeps,
  type TechnicianHandlers,
  type TechnicianMethod,
  type TechnicianService,
} from './handlers';
export type { VendorMode, VendorModeState } from './vendor-mode';
export { hashPin, verifyPin } from './pin-hash';
