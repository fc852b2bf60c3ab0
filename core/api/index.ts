/** What the renderer and the hosts import from the API layer. */
export * from './contract';
export * from '../pure/result';
export { createClient, type Client, type Transport } from './client';
export type { ApiError, ApiIssue } from './errors';
export type * from './types';
