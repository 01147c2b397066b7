// Throughput and time left for a fix's copy, from the progress events it sends: one reckoning for the
// wizard and the terminal. The rate is averaged over the last few seconds (a slow file or a burst of small
// ones does not swing it), and no time left is promised before there is a rate to go by.

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

/** "about 3 minutes", "about 40 seconds", "under a second": durations as a person says them. */
export function durationWords(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) {
    const s = Math.max(1, Math.round(seconds / (seconds < 20 ? 1 : 5)) * (seconds < 20 ? 1 : 5));
    return `about ${s} second${s === 1 ? '' : 's'}`;
  }
  if (seconds < 90 * 60) {
    const m = Math.round(seconds / 60);
    return `about ${m} minute${m === 1 ? '' : 's'}`;
  }
  const h = Math.round((seconds / 3600) * 2) / 2;
  return `about ${h} hour${h === 1 ? '' : 's'}`;
}
