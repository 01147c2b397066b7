// How long a cache move should take, from a short measured read of the cache itself (not a guess from the
// disk's type): the copy reads every byte and writes it, then the verification reads both copies again,
// so the time is about three times the measured read, plus the service stopped and started around it.

/** The cache as listed, and a short timed read of some of it. */
export interface CacheMeasure {
  files: number;
  bytes: number;
  /** Bytes read in the timed sample, and how fast. */
  sampledBytes: number;
  readBytesPerSecond: number;
}

/** Stopping and starting the backup engine, which Windows allows up to a minute each; usually seconds. */
const SERVICE_SECONDS = 20;
/** Opening, creating and closing a file costs time beyond its bytes (measured on NTFS: about 2 ms a file). */
const PER_FILE_SECONDS = 0.002;

export function estimateSeconds(measure: CacheMeasure): {
  seconds: number;
  engineStoppedSeconds: number;
  readBytesPerSecond: number;
  sampledBytes: number;
} {
  const rate = measure.readBytesPerSecond > 0 ? measure.readBytesPerSecond : 1;
  const io = (3 * measure.bytes) / rate + measure.files * PER_FILE_SECONDS;
  const seconds = Math.round((io + SERVICE_SECONDS) * 10) / 10;
  return { seconds, engineStoppedSeconds: seconds, readBytesPerSecond: Math.round(rate), sampledBytes: measure.sampledBytes };
}
