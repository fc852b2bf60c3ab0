export {
  enqueue,
  getOutboxItem,
  listOutbox,
  outboxSummary,
  type OutboxItem,
  type OutboxRequest,
  type OutboxState,
  type OutboxSummary,
} from './outbox-store';
export { startOutboxDelivery, type OutboxDelivery, type OutboxDeliveryDeps } from './delivery';
export { DEFAULT_RETRY_BACKOFF, judgeFailure, retryDelayMs, type RetryBackoff } from './retry-policy';
