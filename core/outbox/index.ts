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
export { createDataSealer, type DataSealer } from './data-sealer';
export { sendOutboxItem } from './send-item';
export { holdsSealedData, sealPlainBodies, type SealUpgradeReport } from './sealed-at-rest';
