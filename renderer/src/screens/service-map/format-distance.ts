/** Under a kilometre in whole tens of metres, above it in tenths of a kilometre. */
export function distanceParts(km: number): { readonly unit: 'm' | 'km'; readonly value: string } {
  if (km < 1) return { unit: 'm', value: String(Math.max(10, Math.round((km * 1000) / 10) * 10)) };
  return { unit: 'km', value: km.toFixed(1) };
}
