import type { Guide } from '../../contract/catalog';

/**
 * A guide file's export: the guide and the matter it belongs to. The matter's name is repeated so
 * that a guide filed under the wrong seq is caught when the catalog is built.
 */
export interface SeedGuide {
  seq: number;
  matterName: string;
  guide: Guide;
}
