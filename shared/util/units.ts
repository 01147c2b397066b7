// Units as the matrix means them: GB and TB are binary (2^30, 2^40 bytes), Mbps is decimal (10^6 bit/s).

export const GB = 2 ** 30;
export const TB = 2 ** 40;
export const MEGABIT = 1_000_000;

let numbers: Intl.NumberFormat | null = null;

/**
 * A number as English writes it ("1,204", "0.5"), by Intl. One formatter for every caller, made on first
 * use: each toLocaleString('en-US') would make (and pay for) one of its own.
 */
export function formatNumber(value: number): string {
  // Below a thousand, with at most three decimals, Intl's en-US form is the number's own ("81.2", "7"):
  // no formatter is made for it, which spares a report without large numbers ICU's start (some 10 ms).
  const plain = String(value);
  if (!Object.is(value, -0) && /^-?\d{1,3}(\.\d{1,3})?$/.test(plain)) return plain;
  numbers ??= new Intl.NumberFormat('en-US');
  return numbers.format(value);
}

/** Bytes in words for people: "1.5 TB", "320 GB", "12 MB". Binary units, as the matrix uses them. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${formatNumber(Number(value.toFixed(digits)))} ${units[unit]}`;
}

/** A duration in days and hours, for upload estimates. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  const hours = seconds / 3600;
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))} minutes`;
  if (hours < 48) return `${Math.round(hours)} hours`;
  return `${Math.round(hours / 24)} days`;
}
