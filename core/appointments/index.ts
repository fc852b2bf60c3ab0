export {
  buildAppointmentHandlers,
  DEFAULT_APPOINTMENT_HANDLER_OPTIONS,
  type AppointmentHandlerOptions,
} from './handlers';
