import { create } from 'qrcode';
import { useMemo } from 'react';

/** Quiet zone around the symbol, in modules: the four the QR specification asks for. */
const QUIET = 4;

/**
 * A QR code drawn as one SVG path from the `qrcode` package's module matrix: no canvas, no HTML
 * string injected into the page, crisp at any size. `data-value` lets tests read what it encodes.
 */
export function QrCode({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: 'M' });
    const squares: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) squares.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
      }
    }
    return { path: squares.join(''), extent: modules.size + 2 * QUIET };
  }, [value]);
  return (
    <svg
      className="qr-code"
      data-testid="qr-code"
      data-value={value}
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
