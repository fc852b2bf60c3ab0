import { assertNever } from '../../core/pure/result';
import {
  align,
  barcodeHeight,
  barcodeHriBelow,
  barcodeHriFontA,
  barcodeModuleWidth,
  bold,
  characterSize,
  chineseModeOn,
  code128,
  concatBytes,
  disableFeedButton,
  feedAndPartialCut,
  feedLines,
  initialize,
  lineFeed,
  qrCode,
} from './commands';
import { layoutReceipt, type ReceiptFormat } from './layout';
import type { ReceiptDocument } from './receipt-document';

/** Blank lines after the last block so the text clears the tear bar before the cut. */
const TRAILING_FEED_LINES = 3;

/**
 * The whole print job for one receipt: init, Chinese mode re-entered explicitly (whether ESC @
 * restores it is model-specific, and some encoders' init even cancels it — §3 pitfall), FEED
 * button disabled (§2), each line with its modes set and reset, trailing feed, partial cut.
 * Same document and format → same bytes.
 */
export function encodeReceipt(document: ReceiptDocument, format: ReceiptFormat): Uint8Array {
  const parts: Uint8Array[] = [initialize(), chineseModeOn(), disableFeedButton()];
  for (const line of layoutReceipt(document, format)) {
    switch (line.kind) {
      case 'text': {
        parts.push(align(line.align));
        if (line.bold) parts.push(bold(true));
        if (line.size !== 1) parts.push(characterSize(line.size));
        for (const char of line.chars) parts.push(char.bytes);
        parts.push(lineFeed());
        if (line.size !== 1) parts.push(characterSize(1));
        if (line.bold) parts.push(bold(false));
        break;
      }
      case 'feed':
        if (line.lines > 0) parts.push(feedLines(line.lines));
        break;
      case 'qr':
        // The printer adds no quiet zone (§4): centring on 58/80 mm paper leaves enough white.
        parts.push(align('center'), qrCode(line.data, line.moduleSize));
        break;
      case 'barcode128':
        parts.push(
          align('center'),
          barcodeHeight(line.height),
          barcodeModuleWidth(2),
          barcodeHriBelow(),
          barcodeHriFontA(),
          code128(line.payload),
        );
        break;
      default:
        assertNever(line, 'layout line');
    }
  }
  parts.push(align('left'), feedLines(TRAILING_FEED_LINES), feedAndPartialCut(0));
  return concatBytes(parts);
}
