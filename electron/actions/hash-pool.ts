// SHA-256 of files on worker threads, one per core: hashing is the verification's cost, and a single
// thread would leave the other cores idle. The worker's code is inline, so it runs the same from the
// sources (tests) and from the build.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
parentPort.on('message', ({ id, path }) => {
  let fd;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      size += read;
      hash.update(buffer.subarray(0, read));
    }
    parentPort.postMessage({ id, sha256: hash.digest('hex'), size });
  } catch (error) {
    parentPort.postMessage({ id, error: error.message });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

export interface FileHash {
  sha256: string;
  size: number;
}

export class HashPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (h: FileHash) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size = Math.max(1, availableParallelism())) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (m: { id: number; sha256?: string; size?: number; error?: string }) => {
        const waiter = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) waiter?.reject(new Error(m.error));
        else waiter?.resolve({ sha256: m.sha256!, size: m.size! });
      });
      return worker;
    });
  }

  hash(path: string): Promise<FileHash> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, path });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
