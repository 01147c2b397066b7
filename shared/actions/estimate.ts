// How long a cache move should take, from a short measured read of the cache itself (not a guess from the
// disk's type): the copy reads every byte and writes it, then the verification reads both copies again,
// so the time is about three times the measured read, plus what its files cost to open (also measured).
// Stopping and starting the backup engine around it is not measured (a service takes from a second to a
// minute): the confirmation says it comes on top.

/** The cache as listed, and a short timed read of some of it. */
export interface CacheMeasure {
  files: number;
  bytes: number;
  /** Bytes read in the timed sample, and how fast. */
  sampledBytes: number;
  readBytesPerSecond: number;
  /** What opening one file took in the sample, on average; absent: not measured. */
  openSeconds?: number;
}

/**
 * A file costs time beyond its bytes: the copy opens the original and creates the copy, the verification
 * opens both again - about four openings, a creation costing more than a read. Where the sample could not
 * time an opening, 2 ms a file (NTFS on a spinning disk) stands in.
 */
const OPENINGS_PER_FILE = 4;
const PER_FILE_SECONDS = 0.002;

export function estimateSeconds(measure: CacheMeasure): {
  seconds: number;
  engineStoppedSeconds: number;
  readBytesPerSecond: number;
  sampledBytes: number;
} {
  const rate = measure.readBytesPerSecond > 0 ? measure.readBytesPerSecond : 1;
  const perFile = measure.openSeconds !== undefined ? OPENINGS_PER_FILE * measure.openSeconds : PER_FILE_SECONDS;
  const io = (3 * measure.bytes) / rate + measure.files * perFile;
  const seconds = Math.round(io * 10) / 10;
  return { seconds, engineStoppedSeconds: seconds, readBytesPerSecond: Math.round(rate), sampledBytes: measure.sampledBytes };
}
