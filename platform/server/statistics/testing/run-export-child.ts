import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What export-memory-child.ts reports for one format. */
export interface ExportMeasurement {
  readonly rows: number;
  readonly format: 'xlsx' | 'csv';
  readonly bytes: number;
  readonly generateMs: number;
  readonly exportMs: number;
  readonly peakLiveGrowthBytes: number;
  readonly peakRssBytes: number;
}

/** Runs the measuring child (its own heap, with --expose-gc) and parses its lines. */
export function measureLedgerExport(
  stations: number,
  days: number,
  perStationDay: number,
): Promise<ExportMeasurement[]> {
  const script = join(import.meta.dirname, 'export-memory-child.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, String(stations), String(days), String(perStationDay), 'xlsx,csv'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`export child exited ${code}: ${errors}`));
      else
        resolve(
          out
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as ExportMeasurement),
        );
    });
  });
}
