/**
 * What a test resident fills in where the draft left a field empty: a valid value of the field's
 * kind (the first option of a select), so a submission passes the form's own checks.
 */
export function valueFor(field: {
  readonly kind: string;
  readonly value: string;
  readonly options?: ReadonlyArray<{ readonly value: string }>;
}): string {
  if (field.value) return field.value;
  switch (field.kind) {
    case 'phone':
      return '13800138000';
    case 'date':
      return '2026-01-01';
    case 'number':
      return '1';
    case 'select':
      return field.options?.[0]?.value ?? '';
    default:
      return '自助终端测试';
  }
}

/** A one-page PDF as the camera's PDF writer makes them (core reads only its header), base64. */
export const samplePdfBase64 = (marker: string): string =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');
