import { useMemo } from 'react';
import { create } from 'qrcode';

/**
 * The receipt's QR (the progress lookup), drawn as SVG squares from the QR matrix: `create` is
 * the part of `qrcode` that needs neither canvas nor Node, so it draws the same in every host.
 */
export function ProgressQr({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
    }
    return { size: modules.size + 8, path: d };
  }, [text]);
  return (
    <svg
      className="progress-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-testid="receipt-qr"
      data-qr-text={text}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
