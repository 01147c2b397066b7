// The scanner's worker thread: walks one folder and reports progress; a shared flag cancels it.
import { parentPort, workerData } from 'node:worker_threads';
import { walk } from './walk.js';

const { root, roots, flag } = workerData as { root: string; roots: string[]; flag: SharedArrayBuffer };
const cancelled = new Int32Array(flag);
const result = walk(root, {
  roots,
  cancelled: () => Atomics.load(cancelled, 0) === 1,
  onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
});
parentPort?.postMessage({ type: 'done', result });
