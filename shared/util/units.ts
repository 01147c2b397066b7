// Units as the matrix means them: GB and TB are binary (2^30, 2^40 bytes), Mbps is decimal (10^6 bit/s).

export const GB = 2 ** 30;
export const TB = 2 ** 40;
export const MEGABIT = 1_000_000;

// Numbers, sizes and durations in words are the language's: shared/i18n/translate.ts formats them.
