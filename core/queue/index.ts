export { buildQueueHandlers, DEFAULT_QUEUE_HANDLER_OPTIONS, type QueueHandlerOptions } from './handlers';
export {
  startTicketRangeKeeper,
  DEFAULT_TICKET_RANGE_KEEPER_OPTIONS,
  type TicketRangeKeeper,
  type TicketRangeKeeperOptions,
} from './ticket-range-keeper';
