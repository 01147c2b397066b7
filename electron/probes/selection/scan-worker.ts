// The scanner's worker thread: walks the subfolders of one folder, taking each from a queue it shares
// with the other workers (an index in shared memory, claimed atomically), and reports progress; a shared
// flag cancels it.
import { parentPort, workerData } from 'node:worker_threads';
import { walk } from './walk.js';

const { root, subfolders, flag, queue } = workerData as {
  root: string;
  subfolders: string[];
  flag: SharedArrayBuffer;
  queue: SharedArrayBuffer;
};
const cancelled = new Int32Array(flag);
const next = new Int32Array(queue);
const result = walk(root, {
  roots: [],
  nextRoot: () => {
    const index = Atomics.add(next, 0, 1);
    return index < subfolders.length ? subfolders[index] : undefined;
  },
  cancelled: () => Atomics.load(cancelled, 0) === 1,
  onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
});
parentPort?.postMessage({ type: 'done', result });
