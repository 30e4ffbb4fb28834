import { parentPort, workerData } from 'node:worker_threads';
import { type CopyBatch, CopyBatcher } from './copy-format.js';
import { generate } from './generator.js';

/**
 * Generates the dataset and formats it as COPY text on its own thread, so a large load keeps
 * one core generating while PostgreSQL ingests on the other. Flow control: the loader grants
 * credits in a shared counter; with none left this thread waits, so memory stays bounded.
 */
export interface CopyWorkerData {
  scale: number;
  flushBytes: number;
  credits: SharedArrayBuffer;
}

export type CopyWorkerMessage = { batch: CopyBatch } | { done: true };

const data = workerData as CopyWorkerData;
const port = parentPort;
if (!port) throw new Error('copy-worker.ts runs as a worker thread');
const credits = new Int32Array(data.credits);

function send(batch: CopyBatch) {
  for (;;) {
    const available = Atomics.load(credits, 0);
    if (available > 0) break;
    Atomics.wait(credits, 0, available);
  }
  Atomics.sub(credits, 0, 1);
  port?.postMessage({ batch } satisfies CopyWorkerMessage);
}

const batcher = new CopyBatcher(data.flushBytes);
for (const chunk of generate({ scale: data.scale })) {
  for (const batch of batcher.add(chunk)) send(batch);
}
for (const batch of batcher.flush()) send(batch);
port.postMessage({ done: true } satisfies CopyWorkerMessage);
