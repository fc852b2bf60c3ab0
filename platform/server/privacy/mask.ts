/**
 * Masked forms of personal data for anything the platform shows or answers beyond the record
 * itself: enough for the person (or staff with the ID card in hand) to recognise, not enough to
 * identify or contact anyone. The shapes follow common practice on Chinese government service
 * receipts (GB/T 35273-2020 §6.2 de-identification of display): 王*兰, 3707**********0035,
 * 138****0001.
 */

/** 张三丰 → 张*丰, 李四 → 李*, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1] ?? ''}`;
}

/** 370784195001011234 → 3707**********1234: region prefix and check tail, birth date hidden. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** 13800001234 → 138****1234; 0536-4393178 → 053*-***3178 (the first 3 and last 4 digits stay). */
export function maskPhone(phone: string): string {
  const digits = [...phone].filter((char) => /[0-9]/.test(char)).length;
  let seen = 0;
  return [...phone]
    .map((char) => {
      if (!/[0-9]/.test(char)) return char;
      seen += 1;
      return seen <= 3 || seen > digits - 4 ? char : '*';
    })
    .join('');
}
