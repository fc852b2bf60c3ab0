/** What the receipt's QR code holds: `bmkiosk:progress:<reference>`. */
const QR_PREFIX = 'bmkiosk:progress:';

/**
 * The reference a resident typed, or a keyboard-wedge scanner typed from the receipt's QR code:
 * the QR prefix and stray spaces are dropped; the rest (办件编号 or a local reference) is kept as
 * it is, since local references are lowercase UUIDs.
 */
export function parseReference(raw: string): string {
  const trimmed = raw.trim();
  const withoutPrefix = trimmed.toLowerCase().startsWith(QR_PREFIX) ? trimmed.slice(QR_PREFIX.length) : trimmed;
  return withoutPrefix.replace(/\s+/g, '');
}

/** progress.lookup takes 6 to 64 characters. */
export function isLookupReference(reference: string): boolean {
  return reference.length >= 6 && reference.length <= 64;
}
