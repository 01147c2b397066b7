// Throughput and time left for a fix's copy, from the progress events it sends: one reckoning for the
// wizard and the terminal. The rate is averaged over the last few seconds (a slow file or a burst of small
// ones does not swing it), and no time left is promised before there is a rate to go by.

import { m, type Msg } from '../i18n/message.js';
import { say } from '../i18n/translate.js';

export interface CopyCounts {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface RateReading extends CopyCounts {
  /** Bytes per second over the recent window; null until a second of copying has been seen. */
  bytesPerSecond: number | null;
  /** Seconds until the copy is done at that rate; null while there is no rate. */
  secondsLeft: number | null;
}

const WINDOW_MS = 5_000;
const FIRST_READING_MS = 1_000;

export class ProgressRate {
  private samples: { at: number; bytes: number }[] = [];
  private started: number | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Takes one progress event; returns the reading to show. */
  update(counts: CopyCounts): RateReading {
    const at = this.now();
    this.started ??= at;
    this.samples.push({ at, bytes: counts.bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const span = at - first.at;
    const bytesPerSecond = at - this.started >= FIRST_READING_MS && span > 0 ? ((counts.bytes - first.bytes) * 1000) / span : null;
    const left = Math.max(0, counts.totalBytes - counts.bytes);
    const secondsLeft = left === 0 ? 0 : bytesPerSecond && bytesPerSecond > 0 ? left / bytesPerSecond : null;
    return { ...counts, bytesPerSecond, secondsLeft };
  }
}

/** "about 3 minutes", "about 40 seconds", "under a second": durations as a person says them, as a message. */
export function durationMessage(seconds: number): Msg {
  if (seconds < 1) return m('common.units.underSecond');
  if (seconds < 90) {
    const s = Math.max(1, Math.round(seconds / (seconds < 20 ? 1 : 5)) * (seconds < 20 ? 1 : 5));
    return m('common.units.about', { duration: m('common.units.seconds', { count: s }) });
  }
  if (seconds < 90 * 60) return m('common.units.about', { duration: m('common.units.minutes', { count: Math.round(seconds / 60) }) });
  return m('common.units.about', { duration: m('common.units.hours', { count: Math.round((seconds / 3600) * 2) / 2 }) });
}

/** A duration as a person says it, in the current language (see durationMessage). */
export function durationWords(seconds: number): string {
  return say(durationMessage(seconds));
}
