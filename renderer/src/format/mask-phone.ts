/**
 * A phone number as the screen may show it while offering it again: 139****5678. Enough for the
 * resident to recognise their own number, not enough for someone behind them to read it off.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
