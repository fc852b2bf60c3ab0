export {
  enqueue,
  enqueueBinary,
  getOutboxItem,
  listOutbox,
  outboxSummary,
  type OutboxBinaryRequest,
  type OutboxBody,
  type OutboxItem,
  type OutboxRequest,
  type OutboxState,
  type OutboxSummary,
} from './outbox-store';
export { startOutboxDelivery, type OutboxDelivery, type OutboxDeliveryDeps } from './delivery';
export { DEFAULT_RETRY_BACKOFF, judgeFailure, retryDelayMs, type RetryBackoff } from './retry-policy';
export { createDataSealer, dataSealerFor, DATA_KEY_FILE, type DataSealer } from './data-sealer';
export { sendOutboxItem } from './send-item';
